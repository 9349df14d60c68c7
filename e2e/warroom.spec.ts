import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { createWalletClient, type Hex, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { createPrismaClient } from "../lib/db/client";
import { type ExecutionPlan, safeAbi, safeTxTypedData, toExecTransactionArgs } from "../lib/safe/browser";
import { openDeclareDialog } from "./support/declare-dialog";
import { expect, type Stack, test, walletContext } from "./support/fixtures";
import { choose, connectWallet, restoreProtocol } from "./support/safe-helpers";
import { screenshot } from "./support/screenshot";

const ALICE = 1; // Guardian owner
const BOB = 2; // commander, owns both Safes
const CAROL = 3; // commander, owns both Safes
const ERIN = 5; // responder, owns no Safe

function database() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("e2e global setup did not run");
  return createPrismaClient(url);
}

async function signOnPage(page: Page, url: string, expected: string) {
  await page.goto(url);
  await connectWallet(page);
  await page.getByRole("button", { name: "Sign", exact: true }).click();
  await expect(page.getByTestId("signature-progress").first()).toHaveText(expected);
}

/**
 * A whole proposal through the console's API, as the pages do it: propose, two owners' signatures (checked by
 * the server), claim the execution, send execTransaction from a wallet, record it (timelocks, verification).
 */
async function executeThroughConsole(
  stack: Stack,
  request: APIRequestContext,
  ref: string,
  safe: "guardian" | "admin",
  to: string,
  signature: string,
) {
  const prisma = database();
  try {
    const safeRow = await prisma.safe.findFirstOrThrow({
      where: {
        chainId: stack.deployment.chainId,
        address: { equals: stack.deployment.safes[safe].address, mode: "insensitive" },
      },
    });
    const proposed = await request.post(`${stack.baseURL}/api/incidents/${ref}/proposals`, {
      // requestUnpause() is unpause-like: with a pre-unpause checklist open it takes a commander's reason.
      data: {
        safeId: safeRow.id,
        title: `${signature} on the bridge`,
        calls: [{ to, signature }],
        override: { reason: "Bridge unpause requested now so the 24 h delay runs during the review" },
      },
    });
    expect(proposed.status(), await proposed.text()).toBe(201);
    const { id } = (await proposed.json()) as { id: string };
    const proposal = await prisma.safeProposal.findUniqueOrThrow({ where: { id } });
    for (const index of [BOB, CAROL]) {
      const account = stack.deployment.accounts[index]!;
      const sig = await privateKeyToAccount(account.privateKey as Hex).signTypedData(
        safeTxTypedData(stack.deployment.chainId, safeRow.address, proposal),
      );
      const signed = await request.post(`${stack.baseURL}/api/proposals/${id}/signatures`, {
        data: { signature: sig, signer: account.address },
      });
      expect(signed.status(), await signed.text()).toBeLessThan(300);
    }
    const claimed = await request.post(`${stack.baseURL}/api/proposals/${id}/execution`);
    expect(claimed.status(), await claimed.text()).toBe(200);
    const plan = (await claimed.json()) as ExecutionPlan;
    const wallet = createWalletClient({
      chain: foundry,
      transport: http(stack.rpcUrl),
      account: privateKeyToAccount(stack.deployment.accounts[ERIN]!.privateKey as Hex),
    });
    const txHash = await wallet.writeContract({
      address: plan.safeAddress,
      abi: safeAbi,
      functionName: "execTransaction",
      args: toExecTransactionArgs(plan.args),
    });
    const recorded = await request.put(`${stack.baseURL}/api/proposals/${id}/execution`, {
      data: { txHash },
    });
    expect(recorded.status(), await recorded.text()).toBe(200);
  } finally {
    await prisma.$disconnect();
  }
}

test.describe("@warroom the war room follows the chain and guards what is dangerous", () => {
  test("@warroom pause → verified → contained; unpause blocked until a commander overrides; resolve lists what is open", async ({
    browser,
    stack,
  }, testInfo) => {
    test.setTimeout(180_000);
    const bob = await walletContext(browser, stack, BOB, { signIn: true });
    const alice = await walletContext(browser, stack, ALICE, { signIn: true });
    const erin = await walletContext(browser, stack, ERIN, { signIn: true, baseURL: stack.baseURLB });
    await bob.page.setViewportSize({ width: 1440, height: 900 });
    let incidentId: string | null = null;
    try {
      const markdown = readFileSync(
        path.resolve(process.cwd(), "tests/fixtures/war-room-runbook.md"),
        "utf8",
      );
      const imported = await bob.context.request.post(`${stack.baseURL}/api/runbooks`, {
        data: { markdown: markdown.replace("war-room fixture", `war room ${randomUUID().slice(0, 6)}`) },
      });
      expect(imported.status()).toBeLessThan(300);
      const versionId = ((await imported.json()) as { version: { id: string } }).version.id;

      await bob.page.goto("/incidents");
      const dialog = await openDeclareDialog(bob.page);
      await dialog.getByLabel("Title").fill(`Exploit in progress ${randomUUID().slice(0, 8)}`);
      // The options are there when the dialog opens (read with the page, not fetched after).
      await dialog.getByLabel("Severity").selectOption("P1");
      await dialog.getByRole("button", { name: "Declare" }).click();
      await expect(bob.page).toHaveURL(/\/incidents\/INC-\d+$/);
      const ref = new URL(bob.page.url()).pathname.split("/").pop()!;
      const db = database();
      incidentId = (await db.incident.findUniqueOrThrow({ where: { number: Number(ref.slice(4)) } })).id;
      await db.$disconnect();
      await bob.page
        .getByLabel("Attach a runbook section")
        .selectOption(`${versionId}|global-protocol-pause`);
      await bob.page.getByRole("button", { name: "Attach", exact: true }).click();
      const proposeLinks = bob.page.getByRole("link", { name: "Propose as Safe transaction" });
      await expect(proposeLinks).toHaveCount(2); // pause and unpause
      // The pasted signing flag is not shown.
      await expect(bob.page.getByText("--private-key ‹redacted›").first()).toBeAttached();
      await expect(bob.page.getByText("$GUARDIAN_KEY")).toHaveCount(0);

      // Propose pauseGlobal() from the step; two owners sign; a non-owner executes on the other instance.
      await proposeLinks.first().click();
      await choose(bob.page, "Safe", "Guardian Safe");
      await expect(bob.page.getByTestId("safe-call-checks")).toContainText(
        "Guardian Safe: can make this call",
      );
      await bob.page.getByRole("button", { name: "Propose" }).click();
      await bob.page.waitForURL((url) => url.pathname.startsWith("/proposals/"));
      const pauseUrl = new URL(bob.page.url()).pathname;
      await expect(bob.page.getByTestId("state-change")).toContainText("false → true");
      await signOnPage(alice.page, pauseUrl, "1 of 2");
      await signOnPage(bob.page, pauseUrl, "2 of 2");
      await erin.page.goto(pauseUrl);
      await connectWallet(erin.page);
      await erin.page.getByRole("button", { name: "Execute" }).click();
      await expect(erin.page.getByTestId("executed-tx")).toBeVisible({ timeout: 30_000 });

      // The incident follows: the step shows verified and ticks, its Propose is gone, containment is offered.
      await bob.page.goto(`/incidents/${ref}`);
      const pauseState = bob.page.getByTestId("step-proposal-state").first();
      await expect(pauseState).toHaveAttribute("data-stage", "verified");
      await expect(bob.page.getByTestId("proven-on-chain").first()).toBeVisible();
      await expect(bob.page.getByRole("checkbox", { name: /pauseGlobal/ }).first()).toBeChecked();
      await expect(proposeLinks).toHaveCount(1); // only the unpause is left to propose
      // Attributed to the console and its executor, not "outside this console".
      const executed = bob.page.locator('[data-testid="timeline"] [data-kind="proposal.executed"]');
      await expect(executed).toContainText("through this console by");
      await expect(bob.page.getByText("executed outside this console")).toHaveCount(0);
      await bob.page.getByRole("button", { name: "Mark contained" }).first().click();
      await expect(bob.page.getByTestId("stamp-contained")).toContainText("UTC");
      await expect(bob.page.getByTestId("time-to-contain")).not.toHaveText("not contained yet");
      await expect(bob.page.getByTestId("incident-phase")).toHaveText("NOTIFY");
      await expect(
        bob.page.locator('[data-testid="timeline"] [data-kind="incident.contained"]'),
      ).toContainText("time to contain");
      // A commander's first screen: header, containment and the timeline without scrolling.
      await bob.page.evaluate(() => window.scrollTo(0, 0));
      await expect(bob.page.getByTestId("time-to-contain")).toBeInViewport();
      await expect(bob.page.getByRole("heading", { name: "Timeline" })).toBeInViewport();
      await expect(
        bob.page.locator('[data-testid="timeline"] [data-testid="timeline-event"]').first(),
      ).toBeInViewport();
      await screenshot(bob.page, testInfo, "commander-1440x900-contained");

      // The bridge: paused, and its 24 h unpause requested (through the console, so the timelock is recorded).
      const bridge = stack.deployment.contracts.bridge;
      await executeThroughConsole(stack, bob.context.request, ref, "guardian", bridge, "pause()");
      await executeThroughConsole(stack, bob.context.request, ref, "admin", bridge, "requestUnpause()");

      // Unpause with the pre-unpause checklist open: blocked, the unchecked items shown, until an override.
      await bob.page.goto(`/incidents/${ref}`);
      await proposeLinks.first().click();
      await expect(bob.page.getByLabel("Function for call 1")).toHaveValue("unpauseGlobal()");
      // The guardrail is the first thing on the form, before anyone presses Propose.
      const guardrail = bob.page.getByTestId("guardrail");
      await expect(guardrail).toBeInViewport();
      await expect(guardrail).toContainText("Root cause identified and remediated");
      await expect(guardrail).toContainText("Team consensus on resumption");
      await choose(bob.page, "Safe", "Admin Safe");
      // Without a reason the server refuses it all the same.
      await bob.page.getByRole("button", { name: "Override and propose" }).click();
      await expect(guardrail).toContainText("Root cause identified and remediated");
      await expect(bob.page).toHaveURL(/\/proposals\/new/);
      await screenshot(bob.page, testInfo, "commander-unpause-guardrail");
      await bob.page
        .getByLabel("Override reason")
        .fill("Exploit patched; audit signed off by the security lead");
      await bob.page.getByRole("button", { name: "Override and propose" }).click();
      await bob.page.waitForURL(
        (url) => /^\/proposals\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"),
      );
      await bob.page.goto(`/incidents/${ref}`);
      const override = bob.page
        .locator('[data-testid="timeline"] [data-kind="proposal.guard_overridden"]')
        .filter({ hasText: "Exploit patched; audit signed off by the security lead" });
      await expect(override).toHaveCount(1);
      await expect(override).toContainText("unpauseGlobal()");
      await expect(override).toContainText("Root cause identified and remediated");

      // Resolve: what is still paused (read on chain), the pending timelock and the open proposal.
      await bob.page.getByRole("button", { name: "Resolve…" }).click();
      const risks = bob.page.getByTestId("open-risks");
      await expect(risks).toContainText("BLEBridgeV9 is still paused");
      await expect(risks).toContainText("GlobalPauseRegistry is still paused");
      await expect(risks).toContainText("timelock pending: BLEBridgeV9.executeUnpause()");
      await expect(risks).toContainText("open proposal");
      await expect(bob.page.getByRole("button", { name: "Resolve anyway" })).toBeDisabled();
      await screenshot(bob.page, testInfo, "commander-resolve-open-risks");
      await bob.page
        .getByLabel("Reason to resolve anyway")
        .fill("Funds safe; unpause is tracked as a follow-up");
      await bob.page.getByRole("button", { name: "Resolve anyway" }).click();
      await expect(bob.page.getByTestId("stamp-resolved")).toContainText("UTC");
      await expect(
        bob.page.locator('[data-testid="timeline"] [data-kind="incident.resolved"]'),
      ).toContainText("BLEBridgeV9 is still paused");
      // Nothing proposes from a resolved incident.
      await expect(proposeLinks).toHaveCount(0);
      await expect(bob.page.getByText("Resolved: reopen the incident to propose.").first()).toBeVisible();
    } finally {
      const prisma = database();
      if (incidentId)
        await prisma.safeProposal.updateMany({
          where: { incidentId, state: { in: ["draft", "signing", "ready"] } },
          data: { state: "rejected" },
        });
      await prisma.$disconnect();
      await restoreProtocol(stack);
      await Promise.all([bob.context.close(), alice.context.close(), erin.context.close()]);
    }
  });
});
