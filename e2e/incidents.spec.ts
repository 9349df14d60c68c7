import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { openDeclareDialog } from "./support/declare-dialog";
import { expect, test, walletContext } from "./support/fixtures";

const ALICE = 1; // admin
const BOB = 2; // commander
const DAVE = 4; // responder

/** Opens the declare form with the keyboard shortcut and fills title and severity. */
async function openDeclareForm(page: Page, title: string, severity = "P1") {
  const dialog = await openDeclareDialog(page);
  await dialog.getByLabel("Title").fill(title);
  const select = dialog.getByLabel("Severity");
  await expect(select.locator(`option[value="${severity}"]`)).toHaveCount(1);
  await select.selectOption(severity);
  return dialog;
}

test.describe("@incidents war room", () => {
  test("@incidents commander declares a P1, the responder on the other instance sees it live, notes and status updates flow", async ({
    browser,
    stack,
  }) => {
    const bob = await walletContext(browser, stack, BOB, { signIn: true });
    // Dave is on instance B: everything he sees live went through PostgreSQL LISTEN/NOTIFY.
    const dave = await walletContext(browser, stack, DAVE, { signIn: true, baseURL: stack.baseURLB });
    await dave.page.goto("/incidents");
    await expect(dave.page.getByTestId("list-live")).toHaveAttribute("data-live", "true");

    const title = `Bridge attestation forgery ${randomUUID().slice(0, 8)}`;
    await bob.page.goto("/incidents");
    const dialog = await openDeclareForm(bob.page, title);
    await dialog.getByLabel("Impact").fill("Bridge withdrawals at risk");
    await dialog.getByRole("button", { name: "Declare" }).click();
    await expect(bob.page).toHaveURL(/\/incidents\/INC-\d+$/);
    const ref = new URL(bob.page.url()).pathname.split("/").pop()!;
    await expect(bob.page.getByRole("heading", { name: title })).toBeVisible();
    await expect(bob.page.getByTestId("severity-badge")).toHaveText("P1");

    // Appears on Dave's list without a reload.
    const row = dave.page.getByTestId("incident-list").getByRole("link", { name: new RegExp(title) });
    await expect(row).toBeVisible();
    await row.click();
    await expect(dave.page).toHaveURL(new RegExp(`/incidents/${ref}$`));
    await expect(dave.page.getByTestId("live-indicator")).toHaveAttribute("data-live", "true");
    await expect(bob.page.getByTestId("live-indicator")).toHaveAttribute("data-live", "true");

    // Dave's note reaches Bob (other instance) within 1 s of the server acknowledging it.
    const note = `Oracle is **stale** since block 123 <img src=x onerror="window.pwned=1"> ${randomUUID().slice(0, 6)}`;
    await dave.page.getByLabel("Add a note").fill(note);
    const saved = dave.page.waitForResponse(
      (response) =>
        response.url().endsWith(`/api/incidents/${ref}/events`) && response.request().method() === "POST",
    );
    await dave.page.getByRole("button", { name: "Add note" }).click();
    expect((await saved).status()).toBe(201);
    const onBob = bob.page
      .locator('[data-testid="timeline"] [data-kind="note.added"]')
      .filter({ hasText: "since block 123" });
    await expect(onBob).toBeVisible({ timeout: 1_000 });
    // Markdown is rendered, HTML is not.
    await expect(onBob.locator("strong")).toHaveText("stale");
    await expect(onBob.locator("img")).toHaveCount(0);

    // Bob posts the status update drafted from the runbook template.
    const text = bob.page.getByLabel("Status update text");
    await expect(text).toHaveValue(
      new RegExp(
        `^🚨 INCIDENT: ${title}\\nSeverity: P1\\nStatus: Investigating\\nImpact: Bridge withdrawals at risk`,
      ),
    );
    await bob.page.getByRole("button", { name: "Post update" }).click();
    const posted = bob.page.locator('[data-testid="timeline"] [data-kind="comms.update_posted"]');
    await expect(posted).toContainText(`🚨 INCIDENT: ${title}`);
    await expect(bob.page.getByTestId("update-reminder")).toContainText("Next update due");
    await expect(
      dave.page.locator('[data-testid="timeline"] [data-kind="comms.update_posted"]'),
    ).toContainText(`🚨 INCIDENT: ${title}`);

    // Acknowledging stops the timer; the status change shows on the other instance.
    await bob.page.getByRole("button", { name: "Acknowledge" }).click();
    await expect(bob.page.getByTestId("response-timer")).toHaveAttribute("data-state", "acknowledged");
    await bob.page.getByLabel("Status", { exact: true }).selectOption("mitigating");
    await expect(dave.page.getByTestId("incident-status")).toHaveText("Mitigating");
    await bob.context.close();
    await dave.context.close();
  });

  test("@incidents an event written through instance A reaches an SSE client on instance B, and Last-Event-ID resumes", async ({
    browser,
    stack,
  }) => {
    const bob = await walletContext(browser, stack, BOB, { signIn: true });
    const declared = await bob.context.request.post(`${stack.baseURL}/api/incidents`, {
      data: { title: `Two instances ${randomUUID().slice(0, 8)}`, severity: "P2" },
    });
    expect(declared.status()).toBe(201);
    const { ref } = (await declared.json()).incident as { ref: string };
    const onB = await walletContext(browser, stack, DAVE, { signIn: true, baseURL: stack.baseURLB });
    await onB.page.goto(`/incidents/${ref}`);
    await expect(onB.page.getByTestId("live-indicator")).toHaveAttribute("data-live", "true");
    const marker = `written on A ${randomUUID().slice(0, 8)}`;
    const written = await bob.context.request.post(`${stack.baseURL}/api/incidents/${ref}/events`, {
      data: { kind: "note.added", markdown: marker },
    });
    expect(written.status()).toBe(201);
    await expect(onB.page.getByTestId("timeline")).toContainText(marker);

    // Raw SSE on B with Last-Event-ID = the declared event: exactly the events after it.
    const events = (
      await (await onB.context.request.get(`${stack.baseURLB}/api/incidents/${ref}/events`)).json()
    ).events as {
      id: number;
    }[];
    const resumed = await onB.page.evaluate(
      async ({ ref, lastId, expected }) => {
        const controller = new AbortController();
        const response = await fetch(`/api/incidents/${ref}/stream`, {
          headers: { "Last-Event-ID": String(lastId) },
          signal: controller.signal,
        });
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        let text = "";
        const deadline = Date.now() + 5_000;
        while (Date.now() < deadline) {
          const { value, done } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
          if ((text.match(/^data: /gm) ?? []).length >= expected) break;
        }
        controller.abort();
        // Each message's id is "<event id>" or "<event id>-<txid bound>" (the stream's resume point).
        return [...text.matchAll(/^id: (\d+)(?:-\d+)?\ndata: /gm)].map((m) => Number(m[1]));
      },
      { ref, lastId: events[0]!.id, expected: events.length - 1 },
    );
    expect(resumed).toEqual(events.slice(1).map((event) => event.id));
    await bob.context.close();
    await onB.context.close();
  });

  test("@incidents a double-clicked declare form creates one incident", async ({ browser, stack }) => {
    const bob = await walletContext(browser, stack, BOB, { signIn: true });
    const title = `Double click ${randomUUID().slice(0, 8)}`;
    await bob.page.goto("/incidents");
    const dialog = await openDeclareForm(bob.page, title, "P2");
    const posts: number[] = [];
    bob.page.on("response", (response) => {
      if (response.url().endsWith("/api/incidents") && response.request().method() === "POST")
        posts.push(response.status());
    });
    await dialog.getByRole("button", { name: "Declare" }).dblclick();
    await expect(bob.page).toHaveURL(/\/incidents\/INC-\d+$/);
    await expect.poll(() => posts.length).toBe(2);
    expect(posts.sort()).toEqual([200, 201]);
    const list = await (
      await bob.context.request.get(`/api/incidents?q=${encodeURIComponent(title)}`)
    ).json();
    expect(list.incidents).toHaveLength(1);
    await bob.context.close();
  });

  test("@incidents a P1 not acknowledged within 15 minutes shows overdue (controlled clock)", async ({
    browser,
    stack,
  }) => {
    const bob = await walletContext(browser, stack, BOB, { signIn: true });
    await bob.page.clock.install({ time: new Date() });
    const declared = await bob.context.request.post(`${stack.baseURL}/api/incidents`, {
      data: { title: `Unacknowledged ${randomUUID().slice(0, 8)}`, severity: "P1" },
    });
    const { ref } = (await declared.json()).incident as { ref: string };
    await bob.page.goto(`/incidents/${ref}`);
    const timer = bob.page.getByTestId("response-timer");
    await expect(timer).toHaveAttribute("data-state", "pending");
    await expect(timer).toContainText("left");
    await bob.page.clock.fastForward("14:00");
    await expect(timer).toHaveAttribute("data-state", "pending");
    await bob.page.clock.fastForward("01:30");
    await expect(timer).toHaveAttribute("data-state", "overdue");
    await expect(timer).toContainText("ACKNOWLEDGE OVERDUE");
    await bob.context.close();
  });

  test("@incidents an admin creates an API token in Settings, shown once, that works on /api/v1", async ({
    browser,
    playwright,
    stack,
  }) => {
    const alice = await walletContext(browser, stack, ALICE, { signIn: true });
    await alice.page.goto("/settings/tokens");
    await alice.page.getByLabel("Token name").fill(`e2e-${randomUUID().slice(0, 6)}`);
    await alice.page.getByLabel("Role").selectOption("viewer");
    await alice.page.getByRole("button", { name: "Create token" }).click();
    const token = (await alice.page.getByTestId("new-token").textContent())!.trim();
    expect(token).toMatch(/^bg_/);
    const api = await playwright.request.newContext();
    const ok = await api.get(`${stack.baseURLB}/api/v1/incidents`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ok.status()).toBe(200);
    const refused = await api.post(`${stack.baseURLB}/api/v1/incidents`, {
      headers: { authorization: `Bearer ${token}` },
      data: { title: "Viewer tries", severity: "P1" },
    });
    expect(refused.status()).toBe(403);
    expect((await api.get(`${stack.baseURL}/api/v1/openapi.json`)).status()).toBe(200);
    await alice.page.reload();
    await expect(alice.page.getByText(token)).toHaveCount(0);
    await api.dispose();
    await alice.context.close();
  });

  test("@incidents notes are pinned and corrected as new events, filtered by kind, with UTC times and local hover", async ({
    browser,
    stack,
  }) => {
    const dave = await walletContext(browser, stack, DAVE, { signIn: true });
    const declared = await dave.context.request.post(`${stack.baseURL}/api/incidents`, {
      data: { title: `Timeline tools ${randomUUID().slice(0, 8)}`, severity: "P3" },
    });
    const { ref } = (await declared.json()).incident as { ref: string };
    await dave.page.goto(`/incidents/${ref}`);
    await dave.page.getByLabel("Add a note").fill("Price feed reads $0.97");
    await dave.page.getByRole("button", { name: "Add note" }).click();
    const timeline = dave.page.getByTestId("timeline");
    const original = timeline.locator('[data-kind="note.added"]');
    await expect(original).toContainText("$0.97");
    await original.getByRole("button", { name: "Pin" }).click();
    await expect(dave.page.getByTestId("pinned-events")).toContainText("$0.97");
    await original.getByRole("button", { name: "Correct" }).click();
    await original.getByRole("textbox").fill("Price feed reads $0.79");
    await original.getByRole("button", { name: "Save correction" }).click();
    await expect(timeline.locator('[data-kind="event.corrected"]')).toContainText("$0.79");
    await expect(original).toContainText(/corrected by #\d+/);
    await expect(original).toContainText("$0.97"); // the original stays
    const time = original.locator("time");
    await expect(time).toHaveText(/^\d{2}:\d{2} UTC$/);
    // The local time is formatted when the pointer reaches it (utc-time.tsx).
    await time.hover();
    await expect(time).toHaveAttribute("title", /\d/);
    await dave.page.getByLabel("Show").selectOption("lifecycle");
    await expect(timeline.locator('[data-kind="note.added"]')).toHaveCount(0);
    await expect(timeline.locator('[data-kind="incident.declared"]')).toHaveCount(1);
    await dave.context.close();
  });

  test("@incidents words typed before the page hydrates are kept: the note and the status update post what the field shows", async ({
    browser,
    stack,
  }) => {
    const dave = await walletContext(browser, stack, DAVE, { signIn: true });
    const declared = await dave.context.request.post(`${stack.baseURL}/api/incidents`, {
      data: { title: `Early typing ${randomUUID().slice(0, 8)}`, severity: "P3" },
    });
    const { ref } = (await declared.json()).incident as { ref: string };
    // The page's scripts are held back (a slow phone, a loaded server): the HTML is there, React is not.
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await dave.page.route("**/_next/static/chunks/**", async (route) => {
      await released;
      await route.continue();
    });
    await dave.page.goto(`/incidents/${ref}`, { waitUntil: "domcontentloaded" });
    await expect(dave.page.getByTestId("live-indicator")).toHaveText("○ connecting…");
    const note = dave.page.getByLabel("Add a note");
    const update = dave.page.getByLabel("Status update text");
    await note.fill("Oracle paused at 04:12, typed before hydration");
    await update.fill("Investigating an oracle fault; next update in 30 minutes.");
    release();
    await expect(dave.page.getByTestId("live-indicator")).toHaveText("● live", { timeout: 30_000 });
    // React wrote the template back into the status field while hydrating; the words come back right after.
    await expect(update).toHaveValue("Investigating an oracle fault; next update in 30 minutes.");
    await expect(note).toHaveValue("Oracle paused at 04:12, typed before hydration");
    await dave.page.getByRole("button", { name: "Add note" }).click();
    const timeline = dave.page.getByTestId("timeline");
    await expect(timeline.locator('[data-kind="note.added"]')).toContainText("typed before hydration");
    await expect(note).toHaveValue("");
    await dave.page.getByRole("button", { name: "Post update" }).click();
    await expect(timeline.locator('[data-kind="comms.update_posted"]')).toContainText(
      "Investigating an oracle fault; next update in 30 minutes.",
    );
    await dave.context.close();
  });

  test("@incidents a Markdown note renders the same live and after a reload, with raw HTML and script links made harmless", async ({
    browser,
    stack,
  }) => {
    const dave = await walletContext(browser, stack, DAVE, { signIn: true });
    const declared = await dave.context.request.post(`${stack.baseURL}/api/incidents`, {
      data: { title: `Markdown ${randomUUID().slice(0, 8)}`, severity: "P3" },
    });
    const { ref } = (await declared.json()).incident as { ref: string };
    await dave.page.goto(`/incidents/${ref}`);
    await dave.page
      .getByLabel("Add a note")
      .fill(
        '**Paused** `GlobalPauseRegistry`\n\n- [tx](javascript:alert(1))\n- <img src=x onerror="alert(1)">',
      );
    await dave.page.getByRole("button", { name: "Add note" }).click();
    const note = dave.page.getByTestId("timeline").locator('[data-kind="note.added"] .prose-note');
    // Live: rendered in the browser as the event arrives.
    await expect(note.locator("strong")).toHaveText("Paused");
    // Server-rendered HTML carries React's empty text markers (<!-- -->); they render as nothing.
    const html = async () => (await note.innerHTML()).replaceAll("<!-- -->", "");
    const live = await html();
    // Reloaded: the page comes with the note rendered on the server.
    await dave.page.reload();
    await expect(note.locator("strong")).toHaveText("Paused");
    expect(await html()).toBe(live);
    await expect(note.locator("code")).toHaveText("GlobalPauseRegistry");
    await expect(note.locator("img")).toHaveCount(0);
    expect(await note.getByRole("link", { name: "tx" }).getAttribute("href")).not.toContain("javascript");
    await dave.context.close();
  });

  test("@incidents the severity scheme is shown, and a bad edit names the field and saves nothing", async ({
    browser,
    stack,
  }) => {
    const alice = await walletContext(browser, stack, ALICE, { signIn: true });
    await alice.page.goto("/settings/severity");
    const levels = alice.page.getByTestId("severity-level");
    await expect(levels).toHaveCount(4);
    await levels.nth(3).getByLabel("Name").fill("P 4");
    await alice.page.getByRole("button", { name: "Save scheme" }).click();
    await expect(levels.nth(3)).toContainText("may contain letters, digits, - and _ only");
    await alice.page.reload();
    await expect(alice.page.getByTestId("severity-level").nth(3).getByLabel("Name")).toHaveValue("P4");
    await alice.context.close();
    // A viewer sees the scheme read-only.
    const frank = await walletContext(browser, stack, 6, { signIn: true });
    await frank.page.goto("/settings/severity");
    await expect(frank.page.getByTestId("severity-level").first().getByLabel("Name")).toBeDisabled();
    await expect(frank.page.getByRole("button", { name: "Save scheme" })).toHaveCount(0);
    await frank.context.close();
  });
});
