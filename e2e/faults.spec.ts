import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import type { EmbeddedDatabase } from "../lib/db/embedded-postgres";
import type { RunningNext } from "../lib/devstack/start-next";
import { type SeededStack, startSeededStack } from "../lib/devstack/start-seeded-stack";
import { expect, type Stack, test, walletContext } from "./support/fixtures";

const BOB = 2; // commander
const UNREACHABLE = "The database is unreachable; try again in a moment.";

/**
 * Its own stack, so stopping PostgreSQL disturbs no other spec (lib/devstack/start-seeded-stack.ts): a
 * throwaway embedded PostgreSQL, anvil with the demo deployment, and one `next start` of the same build.
 */
let seeded: SeededStack;
let database: EmbeddedDatabase;
let app: RunningNext;
let stack: Stack;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  seeded = await startSeededStack({ chain: "demo" });
  database = seeded.database!;
  app = seeded.apps[0]!;
  stack = {
    baseURL: app.url,
    baseURLB: app.url,
    rpcUrl: seeded.anvil!.rpcUrl,
    deployment: seeded.deployment!,
  };
});

test.afterAll(async () => {
  await seeded?.stop();
});

async function addNoteInUi(page: Page, ref: string, markdown: string): Promise<number> {
  await page.getByLabel("Add a note").fill(markdown);
  const saved = page.waitForResponse(
    (response) =>
      response.url().endsWith(`/api/incidents/${ref}/events`) && response.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Add note" }).click();
  const response = await saved;
  expect(response.status()).toBe(201);
  return ((await response.json()) as { event: { id: number } }).event.id;
}

async function addNoteByApi(request: APIRequestContext, ref: string, markdown: string) {
  return request.post(`/api/incidents/${ref}/events`, { data: { kind: "note.added", markdown } });
}

test.describe("@incidents degraded modes", () => {
  test("@incidents PostgreSQL stopped mid-incident: 503 and a clear banner, recovery without restarting the app, nothing acknowledged lost", async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const bob = await walletContext(browser, stack, BOB, { signIn: true });
    const declared = await bob.context.request.post("/api/incidents", {
      data: { title: `Database restart ${randomUUID().slice(0, 8)}`, severity: "P1" },
    });
    expect(declared.status()).toBe(201);
    const { ref, title } = ((await declared.json()) as { incident: { ref: string; title: string } }).incident;

    // Everything the server acknowledges before the stop: the declaration, notes through the UI and the API.
    const acknowledged: { id: number; text: string }[] = [];
    await bob.page.goto(`/incidents/${ref}`);
    await expect(bob.page.getByTestId("live-indicator")).toHaveAttribute("data-live", "true");
    for (const index of [1, 2, 3]) {
      const text = `UI note ${index} before the stop ${randomUUID().slice(0, 6)}`;
      acknowledged.push({ id: await addNoteInUi(bob.page, ref, text), text });
    }
    for (const index of [1, 2]) {
      const text = `API note ${index} before the stop ${randomUUID().slice(0, 6)}`;
      const response = await addNoteByApi(bob.context.request, ref, text);
      expect(response.status()).toBe(201);
      acknowledged.push({ id: ((await response.json()) as { event: { id: number } }).event.id, text });
    }
    const pid = app.process.pid;

    await database.halt();

    // The API answers 503 with a message a person understands, and health says what is down.
    const refused = await addNoteByApi(bob.context.request, ref, "written while the database is down");
    expect(refused.status()).toBe(503);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(UNREACHABLE);
    const health = await bob.context.request.get("/api/health");
    expect(health.status()).toBe(503);
    expect(((await health.json()) as { database: string }).database).toBe("unreachable");

    // The open page shows the banner, and a note that cannot be saved says why.
    await expect(bob.page.getByTestId("degraded-banner")).toContainText("Database unreachable — retrying", {
      timeout: 20_000,
    });
    await bob.page.getByLabel("Add a note").fill("typed while the database is down");
    await bob.page.getByRole("button", { name: "Add note" }).click();
    await expect(bob.page.getByRole("alert").filter({ hasText: UNREACHABLE })).toBeVisible();

    // A page loaded now shows the same clear notice instead of an error page.
    const other = await bob.context.newPage();
    await other.goto(`/incidents/${ref}`);
    await expect(other.getByTestId("degraded-banner")).toContainText("Database unreachable — retrying");
    await expect(other.getByText("Something went wrong")).toHaveCount(0);
    // Moving to another view inside the open console: that view says the same, instead of failing.
    await bob.page.getByRole("link", { name: "Dashboard" }).click();
    await expect(bob.page.getByTestId("view-unavailable")).toContainText("Database unreachable — retrying");

    await database.resume();

    // Both pages come back by themselves: no reload, and the app was not restarted.
    await expect(other.getByRole("heading", { name: title })).toBeVisible({ timeout: 30_000 });
    await expect(bob.page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible({
      timeout: 30_000,
    });
    await expect(bob.page.getByTestId("degraded-banner")).toHaveCount(0, { timeout: 30_000 });
    await expect
      .poll(
        async () => (await addNoteByApi(bob.context.request, ref, "written after the restart")).status(),
        {
          timeout: 30_000,
        },
      )
      .toBe(201);
    expect(app.process.pid).toBe(pid);
    expect(app.process.exitCode).toBeNull();

    // Every event acknowledged before the stop is still there, in the API and on the page.
    const events = (
      (await (await bob.context.request.get(`/api/incidents/${ref}/events`)).json()) as {
        events: { id: number; kind: string; payload: { markdown?: string } }[];
      }
    ).events;
    for (const note of acknowledged)
      expect(events.find((event) => event.id === note.id)?.payload.markdown).toBe(note.text);
    expect(events.filter((event) => event.kind === "incident.declared")).toHaveLength(1);
    for (const note of acknowledged) await expect(other.getByTestId("timeline")).toContainText(note.text);
    await bob.context.close();
  });

  test("@incidents a chain's RPC unreachable shows the degraded banner naming it, and it clears when the node is back", async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const bob = await walletContext(browser, stack, BOB, { signIn: true });
    await bob.page.goto("/dashboard");
    await expect(bob.page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
    await expect(bob.page.getByTestId("degraded-banner")).toHaveCount(0);
    await seeded.stopChain();
    // Checked every 10 s while healthy: it shows within one poll, and the console keeps working.
    await expect(bob.page.getByTestId("degraded-banner")).toContainText(
      "Chain Anvil (local) RPC unreachable — proposals use the last known owners/nonce and are re-checked before execution",
      { timeout: 20_000 },
    );
    expect((await bob.context.request.get("/api/health")).status()).toBe(200);
    await bob.page.getByRole("link", { name: "Incidents" }).first().click();
    await expect(bob.page.getByRole("heading", { name: "Incidents" })).toBeVisible();
    await seeded.restartChain();
    await expect(bob.page.getByTestId("degraded-banner")).toHaveCount(0, { timeout: 20_000 });
    await bob.context.close();
  });
});
