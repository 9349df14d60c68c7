import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { openDeclareDialog } from "./support/declare-dialog";
import { expect, test, walletContext } from "./support/fixtures";
import { chain, choose, connectWallet, readAbi, restoreProtocol, rpc } from "./support/safe-helpers";
import { showWholeTimeline } from "./support/whole-timeline";

const ALICE = 1; // admin, Guardian owner
const BOB = 2; // commander, Guardian + Admin owner
const CAROL = 3; // commander, Guardian + Admin owner
const ERIN = 5; // responder who owns no Safe: executes at threshold

/** An owner opens the proposal (possibly on a phone-sized screen), compares the hashes and signs in the wallet. */
async function signAs(page: Page, proposalUrl: string, expected: string) {
  await page.goto(proposalUrl);
  await connectWallet(page);
  await expect(page.getByTestId("hash-match")).toHaveAttribute("data-match", "true");
  await page.getByRole("button", { name: "Sign", exact: true }).click();
  await expect(page.getByText("Signature accepted.")).toBeVisible();
  await expect(page.getByTestId("signature-progress").first()).toHaveText(expected);
}

async function declareP1(page: Page, title: string): Promise<string> {
  await page.goto("/incidents");
  const dialog = await openDeclareDialog(page);
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByLabel("Severity").selectOption("P1");
  await dialog.getByRole("button", { name: "Declare" }).click();
  await expect(page).toHaveURL(/\/incidents\/INC-\d+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** Proposes from the open form: choose the Safe, wait for the duty check, submit; returns the proposal URL. */
async function submitProposal(page: Page, safeLabel: string) {
  await choose(page, "Safe", safeLabel);
  await expect(page.getByTestId("safe-call-checks")).toContainText(`${safeLabel}: can make this call`);
  await expect(page.getByTestId("safe-lacks-role")).toHaveCount(0);
  await page.getByRole("button", { name: "Propose" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/proposals/"));
  return new URL(page.url()).pathname;
}

test.describe("@safe Safe proposals", () => {
  test("@safe global pause from a runbook step: two owners sign in their browsers, a non-owner executes, verified on chain", async ({
    browser,
    stack,
  }) => {
    const bob = await walletContext(browser, stack, BOB, { signIn: true });
    // Alice signs on a phone.
    const alice = await walletContext(browser, stack, ALICE, { signIn: true });
    await alice.page.setViewportSize({ width: 390, height: 844 });
    const erin = await walletContext(browser, stack, ERIN, { signIn: true, baseURL: stack.baseURLB });
    try {
      const markdown = readFileSync(
        path.resolve(process.cwd(), "examples/runbooks/demo-protocol.md"),
        "utf8",
      );
      const imported = await bob.context.request.post(`${stack.baseURL}/api/runbooks`, {
        data: { markdown },
      });
      expect(imported.status()).toBeLessThan(300);
      const versionId = ((await imported.json()) as { version: { id: string } }).version.id;

      const ref = await declareP1(bob.page, `Protocol exploit in progress ${randomUUID().slice(0, 8)}`);
      // Attach the global-pause runbook section through the runbook panel.
      await bob.page.getByLabel("Attach a runbook section").selectOption(`${versionId}|pause-guardian-safe`);
      await bob.page.getByRole("button", { name: "Attach", exact: true }).click();
      const propose = bob.page.getByRole("link", { name: "Propose as Safe transaction" }).first();
      await expect(propose).toBeVisible();
      const href = (await propose.getAttribute("href"))!;
      const query = new URL(href, stack.baseURL).searchParams;
      expect(query.get("signature")).toBe("pauseGlobal()");
      expect(query.get("runbook")).toBe(`${versionId}:pause-guardian-safe:0`);
      await propose.click();
      await expect(bob.page).toHaveURL(new RegExp(`/incidents/${ref}/proposals/new\\?`));
      await expect(bob.page.getByLabel("Function for call 1")).toHaveValue("pauseGlobal()");
      const proposalUrl = await submitProposal(bob.page, "Guardian Safe");

      await expect(bob.page.getByTestId("decoded-call")).toContainText("pauseGlobal");
      await expect(bob.page.getByTestId("decoded-call")).toContainText("GlobalPauseRegistry");
      await expect(bob.page.getByTestId("operation")).toHaveText("CALL");
      await expect(bob.page.getByTestId("simulation")).toHaveAttribute("data-success", "true");
      await expect(bob.page.getByTestId("signature-progress").first()).toHaveText("0 of 2");

      await signAs(alice.page, proposalUrl, "1 of 2");
      await signAs(bob.page, proposalUrl, "2 of 2");

      // Erin owns no Safe and is on the other app instance: she cannot sign, but she can execute at threshold.
      await erin.page.goto(proposalUrl);
      await connectWallet(erin.page);
      await expect(erin.page.getByText("is not an owner of this Safe")).toBeVisible();
      await expect(erin.page.getByRole("button", { name: "Sign", exact: true })).toHaveCount(0);
      await erin.page.getByRole("button", { name: "Execute" }).click();
      await expect(erin.page.getByTestId("executed-tx")).toBeVisible({ timeout: 30_000 });
      await expect(erin.page.getByTestId("proposal-state").first()).toHaveText("executed");

      const client = chain(stack);
      expect(
        await client.readContract({
          address: stack.deployment.contracts.globalPauseRegistry,
          abi: readAbi,
          functionName: "isGloballyPaused",
        }),
      ).toBe(true);
      await expect(erin.page.getByTestId("verification-results")).toContainText(
        "isGloballyPaused()(bool) = true",
      );
      // Alice's page followed live; the verification is on the incident timeline.
      await expect(alice.page.getByTestId("proposal-state").first()).toHaveText("executed");
      await bob.page.goto(`/incidents/${ref}`);
      await expect(
        bob.page.locator('[data-testid="timeline"] [data-kind="verification.recorded"]'),
      ).toHaveCount(1);
      await expect(bob.page.locator('[data-testid="timeline"] [data-kind="proposal.executed"]')).toHaveCount(
        1,
      );
      // The panel reads the chain once it is on screen.
      await bob.page.getByTestId("incident-safe-panel").scrollIntoViewIfNeeded();
      await expect(bob.page.getByTestId("live-GlobalPauseRegistry-isGloballyPaused")).toHaveText("true");
    } finally {
      await restoreProtocol(stack);
      await Promise.all([bob.context.close(), alice.context.close(), erin.context.close()]);
    }
  });

  test("@safe bridge: pause via Guardian, requestUnpause via Admin, executeUnpause refused until 24 h pass, then verified", async ({
    browser,
    stack,
  }) => {
    test.setTimeout(120_000); // five proposals, ten signatures and a timelock on a 2-core CI machine
    const bob = await walletContext(browser, stack, BOB, { signIn: true });
    const carol = await walletContext(browser, stack, CAROL, { signIn: true });
    const erin = await walletContext(browser, stack, ERIN, { signIn: true });
    const client = chain(stack);
    const bridge = stack.deployment.contracts.bridge;
    const isPaused = () => client.readContract({ address: bridge, abi: readAbi, functionName: "paused" });
    try {
      const ref = await declareP1(bob.page, `Bridge relay compromised ${randomUUID().slice(0, 8)}`);

      const proposeFromScratch = async (signature: string, safeLabel: string) => {
        await bob.page.goto(`/incidents/${ref}/proposals/new`);
        await choose(bob.page, "Contract for call 1", "BLEBridgeV9");
        await bob.page.getByLabel("Function for call 1").selectOption(signature);
        await bob.page.getByLabel("Proposal title").fill(`${signature} on the bridge`);
        return submitProposal(bob.page, safeLabel);
      };
      const signTwiceAndExecute = async (url: string) => {
        await signAs(bob.page, url, "1 of 2");
        await signAs(carol.page, url, "2 of 2");
        await erin.page.goto(url);
        await connectWallet(erin.page);
        await erin.page.getByRole("button", { name: "Execute" }).click();
        await expect(erin.page.getByTestId("executed-tx")).toBeVisible({ timeout: 30_000 });
      };

      // Separation of duties: the form says the Admin Safe cannot pause.
      await bob.page.goto(`/incidents/${ref}/proposals/new`);
      await choose(bob.page, "Contract for call 1", "BLEBridgeV9");
      await bob.page.getByLabel("Function for call 1").selectOption("pause()");
      await choose(bob.page, "Safe", "Admin Safe");
      await expect(bob.page.getByTestId("safe-lacks-role")).toContainText(
        "Admin Safe cannot make this call (it lacks EMERGENCY_ROLE). Use Guardian Safe.",
      );

      await signTwiceAndExecute(await proposeFromScratch("pause()", "Guardian Safe"));
      expect(await isPaused()).toBe(true);

      await signTwiceAndExecute(await proposeFromScratch("requestUnpause()", "Admin Safe"));
      await bob.page.goto(`/incidents/${ref}`);
      const timelock = bob.page.getByTestId("timelock");
      await expect(timelock).toContainText("BLEBridgeV9.executeUnpause() becomes possible");
      const card = await timelock.elementHandle();
      // The panel reads the chain once it is on screen, and fills the countdown into the same card.
      await bob.page.getByTestId("incident-safe-panel").scrollIntoViewIfNeeded();
      await expect(bob.page.getByTestId("timelock-remaining")).toContainText(/in 2[34] h/);
      expect(await card!.evaluate((element) => element.isConnected)).toBe(true);
      await timelock.getByRole("link", { name: /Prepare the follow-up/ }).click();
      await expect(bob.page.getByLabel("Function for call 1")).toHaveValue("executeUnpause()");
      await bob.page.getByLabel("Proposal title").fill("Execute bridge unpause");
      await bob.page.getByRole("button", { name: "Propose" }).click();
      await bob.page.waitForURL((url) => url.pathname.startsWith("/proposals/"));
      const followUp = new URL(bob.page.url()).pathname;
      await expect(bob.page.getByTestId("simulation")).toHaveAttribute("data-success", "false");
      await expect(bob.page.getByTestId("simulation")).toContainText("UnpauseDelayNotElapsed");

      await signAs(bob.page, followUp, "1 of 2");
      await signAs(carol.page, followUp, "2 of 2");
      await erin.page.goto(followUp);
      await connectWallet(erin.page);
      await erin.page.getByRole("button", { name: "Execute" }).click();
      await expect(erin.page.getByRole("alert").filter({ hasText: "Execution refused" })).toContainText(
        "Execution refused: the simulation on the current chain state fails",
      );
      expect(await isPaused()).toBe(true);

      // 24 hours pass on the chain.
      await rpc(stack, "evm_increaseTime", [86_400 + 60]);
      await rpc(stack, "evm_mine");
      await erin.page.getByRole("button", { name: "Simulate again" }).click();
      await expect(erin.page.getByTestId("simulation")).toHaveAttribute("data-success", "true");
      await erin.page.getByRole("button", { name: "Execute" }).click();
      await expect(erin.page.getByTestId("executed-tx")).toBeVisible({ timeout: 30_000 });
      expect(await isPaused()).toBe(false);
      await expect(erin.page.getByTestId("verification-results")).toContainText("paused()(bool) = false");
      await bob.page.goto(`/incidents/${ref}`);
      await showWholeTimeline(bob.page);
      await expect(bob.page.locator('[data-testid="timeline"] [data-kind="timelock.started"]')).toHaveCount(
        1,
      );
      await bob.page.setViewportSize({ width: 1440, height: 900 });
      await bob.page.getByTestId("incident-safe-panel").scrollIntoViewIfNeeded();
      await expect(bob.page.getByTestId("live-BLEBridgeV9-paused")).toHaveText("false");
      // No unpause pending any more, shown as such rather than as 0; amounts are grouped and shown in tokens.
      await expect(bob.page.getByTestId("live-BLEBridgeV9-unpauseRequestTime")).toHaveText("none");
      await expect(bob.page.getByTestId("live-BLEBridgeV9-supplyCap")).toContainText("at 18 decimals");
    } finally {
      await restoreProtocol(stack);
      await Promise.all([bob.context.close(), carol.context.close(), erin.context.close()]);
    }
  });
});
