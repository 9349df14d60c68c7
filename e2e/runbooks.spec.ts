import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, walletContext } from "./support/fixtures";

const DAVE = 4; // responder
const FRANK = 6; // viewer

// The project's own runbook for the demo protocol, which the demo seed also imports.
const EXAMPLE_FILE = path.resolve(process.cwd(), "examples/runbooks/demo-protocol.md");
const EXAMPLE_TITLE = "Incident Runbooks — Breakglass Demo Protocol";
const OTHER_FILE = path.resolve(process.cwd(), "tests/fixtures/runbooks/alert-response.md");
const GLOBAL_PAUSE = "2. Global Protocol Pause";
const PRE_UNPAUSE_ITEMS = [
  "Root cause found and fixed (link the fix in the timeline)",
  "No unexplained state changes since the pause (balances, roles, supply cap)",
  "Oracle prices fresh and no circuit breaker tripped (§5)",
  "Bridge nonce matches the relay's last attestation",
  "Post-mortem draft started",
  "Commander and one Admin Safe signer agree to resume",
];

test.describe("@runbooks import, checklists and verifications", () => {
  test("@runbooks a responder imports the example runbook, attaches Global Protocol Pause, ticks the pre-unpause checklist and verifies on chain", async ({
    browser,
    stack,
  }) => {
    const { context, page } = await walletContext(browser, stack, DAVE, { signIn: true });

    // Upload the file: the preview shows what was recognised before anything is saved.
    await page.goto("/runbooks/import");
    await page.getByLabel("Markdown file (UTF-8, at most 2 MB)").setInputFiles(EXAMPLE_FILE);
    const preview = page.getByTestId("runbook-preview");
    await expect(preview.getByText(EXAMPLE_TITLE, { exact: true })).toBeVisible();
    await expect(preview.getByRole("heading", { name: "Sections (24)" })).toBeVisible();
    await expect(preview.getByRole("heading", { name: "Contract actions and reads (24)" })).toBeVisible();
    await expect(preview.getByRole("heading", { name: "Severity levels (4)" })).toBeVisible();
    await expect(preview.getByRole("heading", { name: "Alert routes (7)" })).toBeVisible();
    await expect(preview.getByRole("heading", { name: "Templates (2)" })).toBeVisible();
    await expect(preview.getByText("The text was mis-encoded")).toHaveCount(0);
    await expect(preview.getByText("0x7ab7236d").first()).toBeVisible(); // isGloballyPaused() selector
    const placeholders = preview.getByTestId("preview-placeholders");
    await expect(
      placeholders.getByRole("listitem").filter({ hasText: "$GLOBAL_PAUSE_REGISTRY" }),
    ).toContainText("bound to GlobalPauseRegistry");
    await expect(placeholders.getByRole("listitem").filter({ hasText: "$PRICE_FEED" })).toContainText(
      "bound to MockPriceFeed",
    );
    await expect(placeholders.getByRole("listitem").filter({ hasText: "$NEW_GUARDIAN" })).toContainText(
      "not bound",
    );
    // The demo seed imported this very file: saving it again adds no version.
    await expect(preview.getByRole("status")).toContainText(/Identical to version (\d+)/);
    const storedVersion = Number(
      /Identical to version (\d+)/.exec((await preview.getByRole("status").textContent()) ?? "")![1],
    );
    await page.getByRole("button", { name: "Save runbook" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Unchanged" })).toContainText(
      `identical to version ${storedVersion}`,
    );

    // A pasted, edited copy becomes the next version.
    await page.goto("/runbooks/import");
    await page.getByRole("tab", { name: "Paste Markdown" }).click();
    const edited = `${readFileSync(EXAMPLE_FILE, "utf8")}\nReviewed in drill ${randomUUID().slice(0, 8)}.\n`;
    await page.getByLabel("Runbook Markdown").fill(edited);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByTestId("runbook-preview").getByRole("status")).toContainText(
      `saving creates version ${storedVersion + 1}`,
    );
    await page.getByRole("button", { name: "Save runbook" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Imported" })).toHaveText(
      `Imported as version ${storedVersion + 1}.`,
    );
    await expect(page.getByRole("heading", { name: EXAMPLE_TITLE, level: 1 })).toBeVisible();
    const runbookUrl = new URL(page.url());

    // An incident to run it in.
    const declared = await context.request.post(`${stack.baseURL}/api/incidents`, {
      data: { title: `Global pause drill ${randomUUID().slice(0, 8)}`, severity: "P1" },
    });
    expect(declared.status()).toBe(201);
    const { ref } = ((await declared.json()) as { incident: { ref: string } }).incident;
    await page.goto(`/incidents/${ref}`);

    // Suggested from the P1 severity; attaching records the version used.
    await page.getByRole("button", { name: `Attach ${GLOBAL_PAUSE}` }).click();
    const run = page.getByRole("article", { name: `Runbook ${GLOBAL_PAUSE}` });
    await expect(run).toBeVisible();
    await expect(run.getByRole("link", { name: `${EXAMPLE_TITLE} v${storedVersion + 1}` })).toBeVisible();
    const timeline = page.getByTestId("timeline");
    await expect(timeline.locator('[data-kind="runbook.attached"]')).toContainText(GLOBAL_PAUSE);

    // The action step links to the Safe proposal form with the resolved contract and the Guardian Safe.
    const propose = run.getByRole("link", { name: "Propose as Safe transaction" }).first();
    const href = new URL((await propose.getAttribute("href"))!, stack.baseURL);
    expect(href.pathname).toBe(`/incidents/${ref}/proposals/new`);
    expect(href.searchParams.get("signature")).toBe("pauseGlobal()");
    expect(href.searchParams.get("args")).toBe("[]");
    expect(href.searchParams.get("value")).toBe("0");
    expect(href.searchParams.get("contractId")).toBeTruthy();
    expect(href.searchParams.get("safeId")).toBeTruthy();
    expect(href.searchParams.get("runbook")).toMatch(/^[^:]+:pause-guardian-safe:0$/);
    await expect(run.getByText("via Guardian Safe (holds GUARDIAN_ROLE)")).toBeVisible();

    // Tick the pre-unpause checklist: each tick is a timeline event with who and when.
    for (const item of PRE_UNPAUSE_ITEMS) {
      const checkbox = run.getByRole("checkbox", { name: item, exact: true });
      await checkbox.check();
      await expect(checkbox).toBeChecked();
      await expect(checkbox).toBeEnabled();
    }
    await expect(timeline.locator('[data-kind="checklist.item_checked"]')).toHaveCount(
      PRE_UNPAUSE_ITEMS.length,
    );
    await expect(run.getByTestId("checked-by")).toHaveCount(PRE_UNPAUSE_ITEMS.length);
    await expect(run.getByTestId("checked-by").first()).toContainText("Dave Kim");
    // Unticking is recorded too.
    const last = run.getByRole("checkbox", { name: PRE_UNPAUSE_ITEMS.at(-1)!, exact: true });
    await last.uncheck();
    await expect(timeline.locator('[data-kind="checklist.item_checked"]')).toHaveCount(
      PRE_UNPAUSE_ITEMS.length + 1,
    );
    await expect(
      timeline
        .locator('[data-kind="checklist.item_checked"]')
        .filter({ hasText: `Checklist: ☐ unchecked ${PRE_UNPAUSE_ITEMS.at(-1)}` }),
    ).toHaveCount(1);
    await last.check();
    await expect(run.getByTestId("checklist-progress")).toContainText(`${PRE_UNPAUSE_ITEMS.length}/`);

    // The unpause verification reads isGloballyPaused() on the demo chain: false, as the runbook expects.
    await run.getByRole("button", { name: "Run check isGloballyPaused() (expect false)" }).click();
    await expect(run.getByTestId("verification-result")).toContainText("Value false · PASS (expected false)");
    const verified = timeline.locator('[data-kind="verification.recorded"]');
    await expect(verified).toHaveCount(1);
    await expect(verified).toContainText("GlobalPauseRegistry.isGloballyPaused()(bool) = false");
    // The pause verification expects true: the same value is a failure there.
    await run.getByRole("button", { name: "Run check isGloballyPaused() (expect true)" }).click();
    await expect(run.getByTestId("verification-result").filter({ hasText: "FAIL" })).toContainText(
      "Value false · FAIL (expected true)",
    );
    await expect(verified).toHaveCount(2);
    await expect(
      verified.filter({ hasText: "Verification ✗ FAIL" }).filter({ hasText: "= false (expected true)" }),
    ).toHaveCount(1);

    // After a reload everything is still there (derived from the database).
    await page.reload();
    for (const item of PRE_UNPAUSE_ITEMS)
      await expect(run.getByRole("checkbox", { name: item, exact: true })).toBeChecked();

    // The library shows which incidents used the version.
    await page.goto(runbookUrl.pathname + runbookUrl.search.replace(/&?imported=\w+/, ""));
    await expect(
      page.getByRole("region", { name: /Used by incidents/ }).getByRole("link", { name: ref }),
    ).toBeVisible();
    await context.close();
  });

  test("@runbooks a bad upload is refused with a clear message; the library searches section text", async ({
    browser,
    stack,
  }) => {
    const { context, page } = await walletContext(browser, stack, DAVE, { signIn: true });
    // A second runbook that does not mention the searched text.
    const other = await context.request.post(`${stack.baseURL}/api/runbooks`, {
      data: { markdown: readFileSync(OTHER_FILE, "utf8") },
    });
    expect(other.status()).toBeLessThan(300);
    await page.goto("/runbooks/import");
    await page.getByLabel("Markdown file (UTF-8, at most 2 MB)").setInputFiles({
      name: "image.md",
      mimeType: "text/markdown",
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
    });
    await expect(page.getByRole("alert").filter({ hasText: "file:" })).toHaveText(
      "file: is a binary file (it contains NUL bytes), not Markdown",
    );
    await expect(page.getByRole("button", { name: "Save runbook" })).toHaveCount(0);

    await page.goto("/runbooks");
    await expect(
      page
        .getByRole("list", { name: "Runbook library" })
        .getByRole("link", { name: "Relayer Network Runbook" }),
    ).toBeVisible();
    await page.getByLabel("Search runbooks").fill("Pre-unpause");
    await page.getByRole("button", { name: "Search" }).click();
    const library = page.getByRole("list", { name: "Runbook library" });
    await expect(library.getByRole("link", { name: EXAMPLE_TITLE })).toBeVisible();
    await expect(
      library.getByRole("link", { name: "Pre-unpause Checklist", exact: true }).first(),
    ).toBeVisible();
    await expect(library.getByRole("link", { name: "Relayer Network Runbook" })).toHaveCount(0);
    await library.getByRole("link", { name: EXAMPLE_TITLE }).click();
    await expect(page.getByRole("heading", { name: "Pause (Guardian Safe)" })).toBeVisible();
    await expect(
      page.getByTestId("action-signature").filter({ hasText: "pauseGlobal()" }).first(),
    ).toBeVisible();
    await expect(page.getByText("= GlobalPauseRegistry").first()).toBeVisible();
    await context.close();
  });

  test("@runbooks a viewer sees the checklist but the server refuses a tick (403)", async ({
    browser,
    stack,
  }) => {
    const dave = await walletContext(browser, stack, DAVE, { signIn: true });
    const declared = await dave.context.request.post(`${stack.baseURL}/api/incidents`, {
      data: { title: `Viewer check ${randomUUID().slice(0, 8)}`, severity: "P1" },
    });
    const { ref } = ((await declared.json()) as { incident: { ref: string } }).incident;
    const { runbooks, suggestions } = (await (
      await dave.context.request.get(`${stack.baseURL}/api/incidents/${ref}/runbooks`)
    ).json()) as { runbooks: unknown[]; suggestions: { versionId: string; anchor: string; title: string }[] };
    expect(runbooks).toEqual([]);
    const pause = suggestions.find((suggestion) => suggestion.title === GLOBAL_PAUSE)!;
    const attached = await dave.context.request.post(`${stack.baseURL}/api/incidents/${ref}/runbooks`, {
      data: { versionId: pause.versionId, anchor: pause.anchor },
    });
    expect(attached.status()).toBe(201);
    const runId = ((await attached.json()) as { incidentRunbook: { id: string } }).incidentRunbook.id;

    const frank = await walletContext(browser, stack, FRANK, { signIn: true });
    await frank.page.goto(`/incidents/${ref}`);
    const run = frank.page.getByRole("article", { name: `Runbook ${GLOBAL_PAUSE}` });
    await expect(run.getByRole("checkbox", { name: PRE_UNPAUSE_ITEMS[0]!, exact: true })).toBeDisabled();
    await expect(run.getByRole("button", { name: /Run check/ })).toHaveCount(0);
    await expect(frank.page.getByRole("button", { name: /^Attach/ })).toHaveCount(0);
    const refused = await frank.context.request.post(
      `${stack.baseURL}/api/incidents/${ref}/runbooks/${runId}/checks`,
      {
        data: { stepIndex: 0, isChecked: true },
      },
    );
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toContain("responder role");
    await dave.context.close();
    await frank.context.close();
  });
});
