import { randomUUID } from "node:crypto";
import { createPrismaClient } from "../lib/db/client";
import { wireTimelineSubscribers } from "../lib/notifications";
import { appendTimelineEvent, SYSTEM_AUTHOR, TIMELINE_EVENT_KINDS } from "../lib/timeline";
import { TIMELINE_EVENT_EXAMPLES } from "../tests/fixtures/timeline-event-examples";
import { expect, type Stack, test, walletContext } from "./support/fixtures";
import { screenshot } from "./support/screenshot";
import { showWholeTimeline } from "./support/whole-timeline";

// This spec appends timeline events from the test process: wire what every append also does, as the
// server does at start (lib/timeline refuses to append unwired).
wireTimelineSubscribers();

const ALICE = 1; // Guardian owner
const BOB = 2; // commander

function database() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("e2e global setup did not run");
  return createPrismaClient(url);
}

/** Bob declares and proposes pauseGlobal() from the Guardian Safe through the API; returns the proposal. */
async function proposePause(stack: Stack, request: import("@playwright/test").APIRequestContext) {
  const declared = await request.post(`${stack.baseURL}/api/incidents`, {
    data: { title: `Signer deep link ${randomUUID().slice(0, 8)}`, severity: "P1" },
  });
  expect(declared.status()).toBe(201);
  const { ref } = ((await declared.json()) as { incident: { ref: string } }).incident;
  const prisma = database();
  const guardian = await prisma.safe.findFirstOrThrow({
    where: {
      chainId: stack.deployment.chainId,
      address: { equals: stack.deployment.safes.guardian.address, mode: "insensitive" },
    },
  });
  await prisma.$disconnect();
  const proposed = await request.post(`${stack.baseURL}/api/incidents/${ref}/proposals`, {
    data: {
      safeId: guardian.id,
      title: "Pause everything",
      calls: [{ to: stack.deployment.contracts.globalPauseRegistry, signature: "pauseGlobal()" }],
    },
  });
  expect(proposed.status()).toBe(201);
  return { ref, id: ((await proposed.json()) as { id: string }).id };
}

test.describe("@safe signers first", () => {
  test("@safe a signed-out signer on a phone goes from the proposal link to a signature in 3 clicks", async ({
    browser,
    stack,
  }, testInfo) => {
    const bob = await walletContext(browser, stack, BOB, { signIn: true });
    const alice = await walletContext(browser, stack, ALICE, { signIn: false });
    const { id } = await proposePause(stack, bob.context.request);
    try {
      const page = alice.page;
      await page.setViewportSize({ width: 390, height: 844 });
      let clicks = 0;
      const click = async (name: string) => {
        clicks += 1;
        await page.getByRole("button", { name, exact: true }).click();
      };
      await page.goto(`/proposals/${id}`);
      await expect(page).toHaveURL(
        new RegExp(`/login\\?callbackUrl=${encodeURIComponent(`/proposals/${id}`)}`),
      );
      // A click before hydration does nothing: wait for the form to be interactive (the button is enabled).
      await expect(page.getByRole("button", { name: "Connect wallet" })).toBeEnabled();
      await page.waitForLoadState("networkidle");
      await click("Connect wallet");
      await click("Sign in with Ethereum");
      await expect(page).toHaveURL(new RegExp(`/proposals/${id}$`));
      // Back on the proposal, the wallet is connected already: the decoded call and Sign on the first screen.
      await expect(page.getByTestId("wallet-address")).toBeVisible();
      await expect(page.getByTestId("decoded-call")).toBeInViewport({ ratio: 0.5 });
      await expect(page.getByTestId("decoded-call")).toContainText("pauseGlobal");
      await expect(page.getByTestId("proposal-chain")).toContainText("chain id 31337");
      const sign = page.getByRole("button", { name: "Sign", exact: true });
      await expect(sign).toBeInViewport();
      await screenshot(page, testInfo, "signer-390x844-before-sign");
      await click("Sign");
      await expect(page.getByText("Signature accepted.")).toBeVisible();
      await expect(page.getByTestId("signature-progress").first()).toHaveText("1 of 2");
      expect(clicks).toBeLessThanOrEqual(3);

      // Bob's desktop page follows by the live stream (no polling): Alice's signature appears there.
      await bob.page.setViewportSize({ width: 1440, height: 900 });
      await bob.page.goto(`/proposals/${id}`);
      await expect(bob.page.getByTestId("proposal-live")).toHaveAttribute("data-live", "true");
      await expect(bob.page.getByTestId("signature-progress").first()).toHaveText("1 of 2");
      await screenshot(bob.page, testInfo, "signer-1440x900");
    } finally {
      // An open proposal would hold the Guardian Safe's next nonce for the specs that follow.
      const prisma = database();
      await prisma.safeProposal.update({ where: { id }, data: { state: "rejected" } });
      await prisma.$disconnect();
      await Promise.all([bob.context.close(), alice.context.close()]);
    }
  });

  test("@safe WalletConnect is offered beside the browser wallet when configured", async ({
    browser,
    stack,
  }) => {
    const alice = await walletContext(browser, stack, ALICE, { signIn: false });
    try {
      const page = alice.page;
      await page.setViewportSize({ width: 390, height: 844 });
      const response = await page.goto("/login");
      const policy = response!.headers()["content-security-policy"] ?? "";
      expect(policy).toMatch(/connect-src 'self' [^;]*wss:\/\/relay\.walletconnect\.org/);
      expect(policy).toMatch(/frame-src [^;]*https:\/\/verify\.walletconnect\.org/);
      // The browser wallet stays the default (first); WalletConnect is the second way in, on the first screen.
      const injected = page.getByRole("button", { name: "Connect wallet", exact: true });
      const walletConnect = page.getByTestId("walletconnect-button");
      await expect(walletConnect).toHaveText("Phone or hardware wallet (WalletConnect)");
      await expect(walletConnect).toBeInViewport();
      const [first, second] = [await injected.boundingBox(), await walletConnect.boundingBox()];
      expect(first!.y).toBeLessThan(second!.y);
    } finally {
      await alice.context.close();
    }
  });

  test("@safe every event kind renders a specific description on the timeline", async ({
    browser,
    stack,
  }, testInfo) => {
    const bob = await walletContext(browser, stack, BOB, { signIn: true });
    try {
      const declared = await bob.context.request.post(`${stack.baseURL}/api/incidents`, {
        data: { title: `Every event kind ${randomUUID().slice(0, 8)}`, severity: "P3" },
      });
      const { ref } = ((await declared.json()) as { incident: { ref: string } }).incident;
      const prisma = database();
      const incident = await prisma.incident.findUniqueOrThrow({ where: { number: Number(ref.slice(4)) } });
      const first = await prisma.timelineEvent.findFirstOrThrow({ where: { incidentId: incident.id } });
      // One event of every kind, written by the real appendTimelineEvent (payloads validated).
      await prisma.$transaction(async (tx) => {
        for (const kind of TIMELINE_EVENT_KINDS)
          await appendTimelineEvent(tx, {
            incidentId: incident.id,
            kind,
            payload: TIMELINE_EVENT_EXAMPLES[kind] as never,
            author: SYSTEM_AUTHOR,
            ...(kind === "event.corrected" ? { correctsId: first.id } : {}),
          });
      });
      await prisma.$disconnect();
      await bob.page.goto(`/incidents/${ref}`);
      await showWholeTimeline(bob.page);
      for (const kind of TIMELINE_EVENT_KINDS) {
        const description = bob.page
          .locator(`[data-testid="timeline"] [data-kind="${kind}"]`)
          .first()
          .getByTestId("event-description");
        await expect(description, kind).toHaveAttribute("data-specific", "true");
        const text = (await description.textContent()) ?? "";
        expect(text, kind).not.toBe(kind.replace(/[._]/g, " "));
        expect(text.length, kind).toBeGreaterThan(3);
      }
      await expect(
        bob.page
          .locator('[data-testid="timeline"] [data-kind="proposal.executed"] a[href^="/proposals/"]')
          .first(),
      ).toBeVisible();
      await screenshot(bob.page, testInfo, "every-event-kind-1440");
    } finally {
      await bob.context.close();
    }
  });
});
