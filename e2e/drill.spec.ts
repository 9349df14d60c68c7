import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { createPublicClient, getAddress, http } from "viem";
import { expect, test, walletContext } from "./support/fixtures";
import { chain, choose, connectWallet, readAbi } from "./support/safe-helpers";

const ALICE = 1; // Guardian owner
const BOB = 2; // commander, Guardian owner: the facilitator
const ERIN = 5; // responder who owns no Safe: executes at threshold

// The drill rehearses a section named as teams name their pause procedure.
function drillRunbook(title: string): string {
  return `# ${title}

## Global Protocol Pause

**Who:** Any \`GUARDIAN_ROLE\` holder
**Severity:** P1

- [ ] Confirm the exploit with a second responder

\`\`\`bash
cast send $GLOBAL_PAUSE_REGISTRY "pauseGlobal()" --rpc-url $RPC_URL
cast call $GLOBAL_PAUSE_REGISTRY "isGloballyPaused()(bool)" --rpc-url $RPC_URL
# Expected: true
\`\`\`

- [ ] Post a status update
`;
}

async function signOnFork(page: Page, proposalUrl: string, expected: string) {
  await page.goto(proposalUrl);
  await connectWallet(page);
  await expect(page.getByTestId("hash-match")).toHaveAttribute("data-match", "true");
  await page.getByRole("button", { name: "Sign", exact: true }).click();
  await expect(page.getByText("Signature accepted.")).toBeVisible();
  await expect(page.getByTestId("signature-progress").first()).toHaveText(expected);
}

test.describe("@drill drills on a fork", () => {
  test("@drill a commander drills Global Protocol Pause: owners sign on the drill chain, the pause lands on the fork only, the score and the dashboard show it", async ({
    browser,
    stack,
  }, testInfo) => {
    test.setTimeout(180_000);
    const bob = await walletContext(browser, stack, BOB, { signIn: true });
    try {
      const title = `Drill runbook ${randomUUID().slice(0, 8)}`;
      const imported = await bob.context.request.post(`${stack.baseURL}/api/runbooks`, {
        data: { markdown: drillRunbook(title) },
      });
      expect(imported.status()).toBeLessThan(300);

      await bob.page.goto("/drills");
      await bob.page
        .getByLabel("Procedure to rehearse")
        .selectOption({ label: `${title} — Global Protocol Pause` });
      await bob.page.getByRole("button", { name: "Start drill" }).click();
      await bob.page.waitForURL(/\/drills\/[^/]+$/, { timeout: 60_000 });
      const drillUrl = new URL(bob.page.url()).pathname;
      const forkChainId = Number(await bob.page.getByTestId("fork-chain-id").textContent());
      const forkRpcUrl = (await bob.page.getByTestId("fork-rpc-url").textContent())!.trim();
      expect(forkChainId).not.toBe(stack.deployment.chainId);
      await bob.page.screenshot({ path: testInfo.outputPath("drill-started-desktop.png"), fullPage: true });

      // The drill is an incident with the section attached, marked as a drill.
      await bob.page.getByRole("link", { name: /^INC-\d+$/ }).click();
      await expect(bob.page.getByTestId("drill-banner")).toContainText(String(forkChainId));
      const ref = new URL(bob.page.url()).pathname.split("/").pop()!;
      const propose = bob.page.getByRole("link", { name: "Propose as Safe transaction" }).first();
      await expect(propose).toBeVisible();
      await propose.click();
      await expect(bob.page).toHaveURL(new RegExp(`/incidents/${ref}/proposals/new\\?`));
      await choose(bob.page, "Safe", "Guardian Safe");
      await expect(bob.page.getByTestId("safe-call-checks")).toContainText(
        "Guardian Safe: can make this call",
      );
      await bob.page.getByRole("button", { name: "Propose" }).click();
      await bob.page.waitForURL((url) => url.pathname.startsWith("/proposals/"));
      const proposalUrl = new URL(bob.page.url()).pathname;
      await expect(bob.page.getByTestId("simulation")).toHaveAttribute("data-success", "true");

      // Owners sign with wallets on the drill chain (a phone for Alice), Erin executes on the fork.
      const forkStack = { ...stack, rpcUrl: forkRpcUrl };
      const alice = await walletContext(browser, forkStack, ALICE, { signIn: true });
      await alice.page.setViewportSize({ width: 390, height: 844 });
      const bobOnFork = await walletContext(browser, forkStack, BOB, { signIn: true });
      const erin = await walletContext(browser, forkStack, ERIN, { signIn: true, baseURL: stack.baseURLB });
      try {
        await signOnFork(alice.page, proposalUrl, "1 of 2");
        await alice.page.screenshot({ path: testInfo.outputPath("drill-signer-phone.png") });
        await signOnFork(bobOnFork.page, proposalUrl, "2 of 2");
        await erin.page.goto(proposalUrl);
        await connectWallet(erin.page);
        await erin.page.getByRole("button", { name: "Execute" }).click();
        await expect(erin.page.getByTestId("executed-tx")).toBeVisible({ timeout: 30_000 });
        await expect(erin.page.getByTestId("verification-results")).toContainText(
          "isGloballyPaused()(bool) = true",
        );
      } finally {
        await Promise.all([alice.context.close(), bobOnFork.context.close(), erin.context.close()]);
      }

      // On the fork only.
      const registry = getAddress(stack.deployment.contracts.globalPauseRegistry);
      const fork = createPublicClient({ transport: http(forkRpcUrl) });
      expect(
        await fork.readContract({ address: registry, abi: readAbi, functionName: "isGloballyPaused" }),
      ).toBe(true);
      expect(
        await chain(stack).readContract({
          address: registry,
          abi: readAbi,
          functionName: "isGloballyPaused",
        }),
      ).toBe(false);

      // The score shows each timing; the dashboard lists the drill.
      await bob.page.goto(drillUrl);
      const score = bob.page.getByTestId("drill-score");
      await expect(score).toContainText(/Signature 1 \(0x\w{4}…\w{4}, real\)\s*[\d.]+ s/);
      await expect(score).toContainText(/Signature 2 \(0x\w{4}…\w{4}, real\)\s*[\d.]+ s/);
      await expect(score).toContainText(/Threshold reached\s*[\d.]+ s/);
      await expect(score).toContainText(/Verified pause\s*[\d.]+ s/);
      await bob.page.screenshot({ path: testInfo.outputPath("drill-score-desktop.png"), fullPage: true });
      await bob.page.goto("/dashboard");
      const row = bob.page.getByTestId("drill-coverage").getByRole("row", { name: new RegExp(title) });
      await expect(row).toContainText(new Date().toISOString().slice(0, 10));
      await expect(row).toContainText(/[\d.]+ s/);

      // Stopping the drill stops the fork and keeps the record.
      await bob.page.goto(drillUrl);
      await bob.page.getByRole("button", { name: "Stop the drill" }).click();
      await expect(bob.page.getByText(/Stopped .* UTC\./)).toBeVisible();
      await expect(fetch(forkRpcUrl, { method: "POST", body: "{}" })).rejects.toThrow();
    } finally {
      await bob.context.close();
    }
  });
});
