import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { createPublicClient, http, parseAbi } from "viem";
import { foundry } from "viem/chains";
import { expect, test } from "./support/fixtures";
import { localSigningWalletContext, type OwnStack, startOwnStack } from "./support/own-stack";
import { waitForWalletScript } from "./support/safe-helpers";

const ALICE = 1; // admin, Guardian owner
const BOB = 2; // commander, Guardian owner
const ERIN = 5; // responder who owns no Safe: executes at threshold

/**
 * Anvil stopped in the middle of a proposal flow, on this spec's own stack (the shared e2e anvil is not
 * touched). Owners sign with a wallet that signs locally with their key (localSigningWalletContext): the
 * shared test wallet forwards signing to anvil, which is down here.
 */
let stack: OwnStack;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  stack = await startOwnStack();
});
test.afterAll(async () => {
  await stack?.stop();
});

async function choose(page: Page, label: string, name: string) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator("option", { hasText: name }).first().getAttribute("value");
  await select.selectOption(value!);
}

async function connectWallet(page: Page) {
  const connect = page.getByRole("button", { name: "Connect wallet" });
  await expect(connect.or(page.getByTestId("wallet-address"))).toBeVisible();
  // Settled in the browser (reconnected or dropped), not only as the server rendered it from the cookie.
  await waitForWalletScript(page);
  if (await connect.isVisible()) await connect.click();
  await expect(page.getByTestId("wallet-address")).toBeVisible();
}

async function fillProposal(page: Page, ref: string, contract: string, signature: string, title: string) {
  await page.goto(`/incidents/${ref}/proposals/new`);
  await choose(page, "Contract for call 1", contract);
  await page.getByLabel("Function for call 1").selectOption(signature);
  await page.getByLabel("Proposal title").fill(title);
  await choose(page, "Safe", "Guardian Safe");
}

async function propose(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Propose" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/proposals/"), { timeout: 30_000 });
  return new URL(page.url()).pathname;
}

async function signAs(page: Page, url: string, expected: string) {
  await page.goto(url);
  await connectWallet(page);
  await expect(page.getByTestId("hash-match")).toHaveAttribute("data-match", "true");
  await page.getByRole("button", { name: "Sign", exact: true }).click();
  await expect(page.getByText("Signature accepted.")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("signature-progress").first()).toHaveText(expected);
}

test.describe("@safe degraded chain", () => {
  test("@safe anvil stopped during a proposal flow: banner, drafting and signing continue, execution waits, recovery when anvil returns", async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const bob = await localSigningWalletContext(browser, stack, BOB);
    const alice = await localSigningWalletContext(browser, stack, ALICE);
    const erin = await localSigningWalletContext(browser, stack, ERIN);
    const chain = createPublicClient({ chain: foundry, transport: http(stack.rpcUrl) });
    const isGloballyPaused = () =>
      chain.readContract({
        address: stack.deployment.contracts.globalPauseRegistry,
        abi: parseAbi(["function isGloballyPaused() view returns (bool)"]),
        functionName: "isGloballyPaused",
      });
    try {
      const declared = await bob.context.request.post("/api/incidents", {
        data: { title: `RPC outage ${randomUUID().slice(0, 8)}`, severity: "P1" },
      });
      expect(declared.status()).toBe(201);
      const { ref } = ((await declared.json()) as { incident: { ref: string } }).incident;

      // Chain up: pauseGlobal() from the Guardian Safe, simulated as usual.
      await fillProposal(bob.page, ref, "GlobalPauseRegistry", "pauseGlobal()", "Pause everything");
      await expect(bob.page.getByTestId("safe-call-checks")).toContainText(
        "Guardian Safe: can make this call",
      );
      const pauseUrl = await propose(bob.page);
      await expect(bob.page.getByTestId("simulation")).toHaveAttribute("data-success", "true");
      const pauseNonce = Number(await bob.page.getByTestId("proposal-nonce").textContent());

      // The node goes away.
      await stack.stopChain();
      await bob.page.goto(`/incidents/${ref}`);
      await expect(bob.page.getByTestId("degraded-banner")).toContainText("RPC unreachable", {
        timeout: 30_000,
      });
      const health = await bob.context.request.get("/api/health");
      expect(((await health.json()) as { chains: { status: string }[] }).chains[0]!.status).toBe(
        "unreachable",
      );

      // Incident work goes on: a note is saved. With the chain down the page hydrates slowly; what is typed
      // before that is kept (use-typed-before-hydration.ts), and the button is enabled once React listens.
      const addNote = bob.page.getByRole("button", { name: "Add note" });
      await expect(async () => {
        await bob.page
          .getByLabel("Add a note")
          .fill("Primary RPC down; signing against the last known owners.");
        await expect(addNote).toBeEnabled({ timeout: 1_000 });
      }).toPass({ timeout: 30_000 });
      const saved = bob.page.waitForResponse(
        (r) => r.url().endsWith(`/api/incidents/${ref}/events`) && r.request().method() === "POST",
      );
      await addNote.click();
      expect((await saved).status()).toBe(201);

      // Drafting goes on: a second proposal is prepared offline, its hashes shown, its simulation deferred.
      await fillProposal(bob.page, ref, "BLEBridgeV9", "pause()", "Pause the bridge");
      await expect(bob.page.getByTestId("safe-call-check-error")).toContainText("Chain unreachable");
      const bridgeUrl = await propose(bob.page);
      await expect(bob.page.getByTestId("simulation")).toHaveAttribute("data-deferred", "true");
      await expect(bob.page.getByTestId("simulation")).toContainText(
        "Not simulated: chain unreachable — will be simulated before execution",
      );
      await expect(bob.page.getByTestId("hash-match")).toHaveAttribute("data-match", "true");
      await expect(bob.page.getByTestId("proposal-nonce")).toHaveText(String(pauseNonce + 1));
      await expect(bob.page.getByTestId("degraded-banner")).toBeVisible();

      // Signing goes on, against the cached owners; each signature is marked unverified.
      await signAs(alice.page, pauseUrl, "1 of 2");
      await signAs(bob.page, pauseUrl, "2 of 2");
      await expect(bob.page.getByTestId("unverified-owner")).toHaveCount(2);

      // Execution waits.
      await erin.page.goto(pauseUrl);
      await connectWallet(erin.page);
      await erin.page.getByRole("button", { name: "Execute" }).click();
      await expect(
        erin.page.getByRole("alert").filter({ hasText: "Chain unreachable: execution waits." }),
      ).toContainText("re-read and the transaction is simulated before it can execute");
      await expect(erin.page.getByTestId("executed-tx")).toHaveCount(0);

      // The node comes back with its state; the app recovers by itself (no restart): owners re-checked,
      // the deferred simulation runs, then Execute works as usual.
      await stack.restartChain();
      expect(await isGloballyPaused()).toBe(false);
      await expect(erin.page.getByTestId("unverified-owner")).toHaveCount(0, { timeout: 30_000 });
      await expect(erin.page.getByTestId("degraded-banner")).toHaveCount(0, { timeout: 30_000 });
      await erin.page.getByRole("button", { name: "Execute" }).click();
      await expect(erin.page.getByTestId("executed-tx")).toBeVisible({ timeout: 30_000 });
      expect(await isGloballyPaused()).toBe(true);
      await expect(erin.page.getByTestId("verification-results")).toContainText(
        "isGloballyPaused()(bool) = true",
      );

      await bob.page.goto(bridgeUrl);
      await expect(bob.page.getByTestId("simulation")).toHaveAttribute("data-success", "true", {
        timeout: 30_000,
      });
      await bob.page.goto(`/incidents/${ref}`);
      const timeline = bob.page.getByTestId("timeline");
      await expect(timeline.locator('[data-kind="verification.recorded"]')).toHaveCount(1);
      await expect(timeline.locator('[data-kind="proposal.simulation_deferred"]')).toHaveCount(1);
      await expect(timeline.locator('[data-kind="proposal.signature_rechecked"]')).toHaveCount(2);
    } finally {
      await Promise.all([bob.context.close(), alice.context.close(), erin.context.close()]);
    }
  });
});
