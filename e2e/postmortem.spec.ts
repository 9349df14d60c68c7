import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test, walletContext } from "./support/fixtures";
import { choose, connectWallet, restoreProtocol } from "./support/safe-helpers";

const ALICE = 1; // admin, Guardian Safe owner
const BOB = 2; // commander
const CAROL = 3; // commander
const DAVE = 4; // responder

const ROOT_CAUSE_PROMPT = "_What actually caused the incident?_";
const WENT_WELL_PROMPT = "_Effective actions taken._";

/**
 * The Safe flow as people use it: Bob proposes a global pause from the Guardian Safe, Alice and Bob sign in
 * their browsers (the injected test wallet signs with anvil keys), Bob executes. Returns the proposal title.
 */
async function executeGlobalPause(alice: Page, bob: Page, ref: string): Promise<string> {
  const title = `Pause everything ${randomUUID().slice(0, 6)}`;
  await bob.goto(`/incidents/${ref}/proposals/new`);
  await bob.getByLabel("Proposal title").fill(title);
  await choose(bob, "Contract for call 1", "GlobalPauseRegistry");
  await bob.getByLabel("Function for call 1").selectOption("pauseGlobal()");
  await choose(bob, "Safe", "Guardian Safe");
  await expect(bob.getByTestId("safe-call-checks")).toContainText("Guardian Safe: can make this call");
  await bob.getByRole("button", { name: "Propose" }).click();
  // /incidents/…/proposals/new also ends in /proposals/<word>: wait for the proposal's own page.
  await expect(bob).toHaveURL((url) => /^\/proposals\/[a-z0-9]+$/.test(url.pathname));
  const proposalUrl = new URL(bob.url()).pathname;
  for (const [page, progress] of [
    [alice, "1 of 2"],
    [bob, "2 of 2"],
  ] as const) {
    await page.goto(proposalUrl);
    await connectWallet(page);
    await expect(page.getByTestId("hash-match")).toHaveAttribute("data-match", "true");
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    await expect(page.getByTestId("signature-progress").first()).toHaveText(progress);
  }
  await bob.getByRole("button", { name: "Execute" }).click();
  await expect(bob.getByTestId("proposal-state").first()).toHaveText("executed", { timeout: 30_000 });
  return title;
}

/** Declares, notes and pins through the incidents API (the real routes, as a signed-in member); resolve() resolves. */
async function incidentWithNotes(request: APIRequestContext, baseURL: string, title: string) {
  const declared = await request.post(`${baseURL}/api/incidents`, {
    data: { title, severity: "P1", impact: "Bridge withdrawals at risk", detectedVia: "alert" },
  });
  expect(declared.status()).toBe(201);
  const ref = ((await declared.json()) as { incident: { ref: string } }).incident.ref;
  const event = async (data: object) => {
    const response = await request.post(`${baseURL}/api/incidents/${ref}/events`, { data });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { event: { id: number } }).event;
  };
  const pinnedNote = `Withdrawals at 40x normal ${randomUUID().slice(0, 6)}`;
  const plainNote = `Keeper restarted ${randomUUID().slice(0, 6)}`;
  const note = await event({ kind: "note.added", markdown: pinnedNote });
  await event({ kind: "event.pinned", eventId: note.id });
  await event({ kind: "note.added", markdown: plainNote });
  const resolve = async () => {
    const resolved = await request.post(`${baseURL}/api/incidents/${ref}/transition`, {
      // The bridge may still be paused (and other specs' state is shared): resolving then takes a reason.
      data: {
        action: "resolve",
        summary: "Bridge paused and drained funds accounted for",
        reason: "The bridge stays paused until the fix ships",
      },
    });
    expect(resolved.status()).toBe(200);
  };
  return { ref, pinnedNote, plainNote, resolve };
}

async function editDraft(page: Page, edit: (text: string) => string) {
  const editor = page.getByLabel("Post-mortem (Markdown)");
  await editor.fill(edit(await editor.inputValue()));
}

test.describe("@postmortem post-mortems", () => {
  test("@postmortem resolving drafts from the timeline; root cause, two action items, publish", async ({
    browser,
    stack,
  }) => {
    const bob = await walletContext(browser, stack, BOB, { signIn: true });
    const alice = await walletContext(browser, stack, ALICE, { signIn: true });
    const title = `Bridge drained ${randomUUID().slice(0, 8)}`;
    const { ref, pinnedNote, plainNote, resolve } = await incidentWithNotes(
      bob.context.request,
      stack.baseURL,
      title,
    );
    let proposalTitle: string;
    try {
      proposalTitle = await executeGlobalPause(alice.page, bob.page, ref);
    } finally {
      await restoreProtocol(stack);
      await alice.context.close();
    }
    await resolve();

    // From the resolved incident to its draft.
    await bob.page.goto(`/incidents/${ref}`);
    await bob.page.getByRole("link", { name: "Post-mortem →" }).click();
    await expect(bob.page).toHaveURL(new RegExp(`/incidents/${ref}/postmortem$`));
    await expect(bob.page.getByTestId("postmortem-status")).toHaveText("Draft");
    await expect(bob.page.getByTestId("postmortem-due")).toContainText(/due in (47 h|48 h)/);
    const editor = bob.page.getByLabel("Post-mortem (Markdown)");
    await expect(editor).toHaveValue(
      new RegExp(`📌 \\*\\*Pinned\\*\\* · \\*\\*\\d\\d:\\d\\d UTC\\*\\* — Note: ${pinnedNote}`),
    );
    await expect(editor).toHaveValue(new RegExp(`- \\*\\*\\d\\d:\\d\\d UTC\\*\\* — Note: ${plainNote}`));
    // The executed proposal: its transaction hash and block (anvil has no explorer, so no link).
    await expect(editor).toHaveValue(
      new RegExp(
        `\\*\\*On-chain transaction executed\\*\\*: ${proposalTitle} \\(Guardian Safe\\) — tx \`0x[0-9a-f]{64}\`, block \\d+`,
      ),
    );
    const preview = bob.page.getByRole("article", { name: "Preview" });
    await expect(preview.getByRole("heading", { name: "On-chain transactions" })).toBeVisible();
    await expect(preview.getByRole("heading", { name: "Key events" })).toBeVisible();
    await expect(preview.getByRole("listitem").filter({ hasText: pinnedNote }).first()).toContainText(
      "📌 Pinned",
    );
    await expect(preview.getByRole("heading", { name: "Root cause" })).toBeVisible();

    // Root cause, autosaved as version 2.
    const rootCause = `A keeper RPC quota ran out ${randomUUID().slice(0, 6)}`;
    await editDraft(bob.page, (text) => text.replace(ROOT_CAUSE_PROMPT, rootCause));
    await expect(bob.page.getByTestId("save-state")).toContainText("Saved · version 2");
    await expect(preview).toContainText(rootCause);
    await expect(bob.page.getByTestId("revision").first()).toContainText("Version 2 · Bob Okafor");

    // Two action items.
    const items = bob.page.getByRole("list", { name: "Action items" });
    const addItem = async (action: string, owner: string, due: string) => {
      await bob.page.getByLabel("Action", { exact: true }).fill(action);
      await bob.page.getByLabel("Owner", { exact: true }).selectOption({ label: owner });
      await bob.page.getByLabel("Due date").fill(due);
      await bob.page.getByRole("button", { name: "Add action item" }).click();
      await expect(items.getByText(action)).toBeVisible();
    };
    const firstItem = `Alert on withdrawal rate ${randomUUID().slice(0, 6)}`;
    const secondItem = `Second keeper RPC ${randomUUID().slice(0, 6)}`;
    await addItem(firstItem, "Erin Park", "2099-01-15");
    await addItem(secondItem, "Dave Kim", "2099-02-01");
    await expect(bob.page.getByTestId("action-item")).toHaveCount(2);
    await bob.page.getByLabel(`Status of ${firstItem}`).selectOption("in_progress");
    await expect(bob.page.getByLabel(`Status of ${firstItem}`)).toHaveValue("in_progress");

    // A responder cannot publish: the server refuses.
    const dave = await walletContext(browser, stack, DAVE, { signIn: true });
    await bob.page.getByRole("button", { name: "Submit for review" }).click();
    await expect(bob.page.getByTestId("postmortem-status")).toHaveText("In review");
    const refused = await dave.context.request.post(
      `${stack.baseURL}/api/incidents/${ref}/postmortem/status`,
      {
        data: { status: "published" },
      },
    );
    expect(refused.status()).toBe(403);
    await dave.context.close();

    await bob.page.getByRole("button", { name: "Publish" }).click();
    await expect(bob.page.getByTestId("postmortem-status")).toHaveText("Published");
    await expect(bob.page.getByTestId("postmortem-approval")).toContainText("Approved by Bob Okafor");
    await expect(bob.page.getByLabel("Post-mortem (Markdown)")).toHaveCount(0);
    await expect(bob.page.getByRole("article", { name: "Post-mortem" })).toContainText(rootCause);

    // The export and the print view carry all of it.
    const exported = await bob.context.request.get(
      `${stack.baseURL}/api/incidents/${ref}/postmortem/export.md`,
    );
    expect(exported.headers()["content-disposition"]).toBe(`attachment; filename="${ref}-postmortem.md"`);
    const markdown = await exported.text();
    for (const text of [pinnedNote, plainNote, rootCause, firstItem, secondItem, "approved by Bob Okafor"])
      expect(markdown).toContain(text);
    expect(markdown).toContain(`| ${firstItem} | Erin Park | 2099-01-15 | in progress | — |`);
    await bob.page.getByRole("link", { name: "Print view" }).click();
    await expect(bob.page.getByRole("article", { name: "Post-mortem" })).toContainText(secondItem);

    // Across incidents: filter by owner.
    await bob.page.goto("/postmortems");
    await bob.page.getByLabel("Owner", { exact: true }).selectOption({ label: "Erin Park" });
    await bob.page.getByRole("button", { name: "Filter" }).click();
    await expect(bob.page).toHaveURL(/owner=/);
    await expect(bob.page.getByRole("list", { name: "Action items" })).toContainText(firstItem);
    await expect(bob.page.getByRole("list", { name: "Action items" })).not.toContainText(secondItem);
    await bob.context.close();
  });

  test("@postmortem two people editing at once: the second sees a conflict, merges, and both texts survive", async ({
    browser,
    stack,
  }) => {
    const bob = await walletContext(browser, stack, BOB, { signIn: true });
    // Carol works on the second instance: the version check is in PostgreSQL, not in one server's memory.
    const carol = await walletContext(browser, stack, CAROL, { signIn: true, baseURL: stack.baseURLB });
    const incident = await incidentWithNotes(
      bob.context.request,
      stack.baseURL,
      `Oracle stale ${randomUUID().slice(0, 8)}`,
    );
    await incident.resolve();
    const { ref } = incident;
    await bob.page.goto(`/incidents/${ref}/postmortem`);
    await carol.page.goto(`/incidents/${ref}/postmortem`);
    await expect(bob.page.getByLabel("Post-mortem (Markdown)")).toHaveValue(/Root cause/);
    await expect(carol.page.getByLabel("Post-mortem (Markdown)")).toHaveValue(/Root cause/);

    const carolText = `Carol: the pause landed in one block ${randomUUID().slice(0, 6)}`;
    await editDraft(carol.page, (text) => text.replace(WENT_WELL_PROMPT, carolText));
    await expect(carol.page.getByTestId("save-state")).toContainText("Saved · version 2");

    const bobText = `Bob: the oracle heartbeat alert was missing ${randomUUID().slice(0, 6)}`;
    await editDraft(bob.page, (text) => text.replace(ROOT_CAUSE_PROMPT, bobText));
    const conflict = bob.page.getByRole("alert").filter({ hasText: "Edit conflict" });
    await expect(conflict).toContainText("Carol Diaz saved version 2");
    await expect(bob.page.getByTestId("save-state")).toHaveText("Not saved: edit conflict");
    await expect(bob.page.getByTestId("conflict-mine")).toContainText(bobText);
    await expect(bob.page.getByTestId("conflict-theirs")).toContainText(carolText);
    const combined = bob.page.getByLabel("Combined text");
    await expect(combined).toHaveValue(new RegExp(`${bobText}[\\s\\S]*${carolText}`));
    await bob.page.getByRole("button", { name: "Save combined text" }).click();
    await expect(bob.page.getByTestId("save-state")).toContainText("Saved · version 3");

    const saved = await carol.context.request.get(`${stack.baseURLB}/api/incidents/${ref}/postmortem`);
    const body = (await saved.json()) as {
      postMortem: { body: string; version: number };
      revisions: { version: number; authorName: string }[];
    };
    expect(body.postMortem.version).toBe(3);
    expect(body.postMortem.body).toContain(bobText);
    expect(body.postMortem.body).toContain(carolText);
    expect(body.revisions.map((r) => [r.version, r.authorName])).toEqual([
      [3, "Bob Okafor"],
      [2, "Carol Diaz"],
      [1, "Breakglass (generated draft)"],
    ]);
    await bob.context.close();
    await carol.context.close();
  });
});
