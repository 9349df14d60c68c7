import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createPrismaClient } from "../lib/db/client";
import { expect, test, walletContext } from "./support/fixtures";
import { connectWallet } from "./support/safe-helpers";
import { screenshot } from "./support/screenshot";

const ALICE = 1; // admin, Guardian owner
const BOB = 2; // commander, Guardian owner
const CAROL = 3; // Guardian owner
const ERIN = 5; // responder who owns no Safe: proposes
const REMINDER_SECONDS = 3;

type Received = { at: number; recipient: string; link: string; body: Record<string, unknown> };

function database() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("e2e global setup did not run");
  return createPrismaClient(url);
}

/** A real webhook endpoint: every owner's contact route points here, each page lands as one POST. */
async function startSink(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const parsed = JSON.parse(body) as { page: { link: string }; recipient: { name: string } };
      received.push({
        at: Date.now(),
        recipient: parsed.recipient.name,
        link: parsed.page.link,
        body: parsed as unknown as Record<string, unknown>,
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/page`, received };
}

test.describe("@paging signers are paged until quorum", () => {
  test("@paging a pause proposal pages the Guardian owners; a signed-out owner signs from the link in 3 clicks; the reminder goes only to who has not signed; at threshold paging stops", async ({
    browser,
    stack,
  }, testInfo) => {
    test.setTimeout(180_000);
    const sink = await startSink();
    const owners = await Promise.all(
      [ALICE, BOB, CAROL].map((index) => walletContext(browser, stack, index, { signIn: true })),
    );
    const alice = owners[0]!;
    const bob = owners[1]!;
    const erin = await walletContext(browser, stack, ERIN, { signIn: true });
    const prisma = database();
    const names = new Map<number, string>();
    let policyId: string | null = null;
    let proposalId: string | null = null;
    const routeIds: { context: (typeof owners)[number]; id: string }[] = [];
    try {
      // Each owner keeps a webhook contact route (their own, in Settings → Paging).
      for (const [i, owner] of owners.entries()) {
        const created = await owner.context.request.post("/api/paging/routes", {
          data: { label: "Test pager", target: { kind: "webhook", url: sink.url } },
        });
        expect(created.status(), await created.text()).toBe(201);
        routeIds.push({ context: owner, id: ((await created.json()) as { route: { id: string } }).route.id });
        const member = await prisma.member.findUniqueOrThrow({
          where: { address: stack.deployment.accounts[[ALICE, BOB, CAROL][i]!]!.address },
        });
        names.set([ALICE, BOB, CAROL][i]!, member.displayName);
      }
      const guardian = await prisma.safe.findFirstOrThrow({
        where: {
          chainId: stack.deployment.chainId,
          address: { equals: stack.deployment.safes.guardian.address, mode: "insensitive" },
        },
      });
      // P4's policy reminds signers every few seconds (a real team would choose minutes).
      const policy = await alice.context.request.post("/api/paging/policies", {
        data: {
          name: `Signers ${randomUUID().slice(0, 8)}`,
          severities: ["P4"],
          levels: [{ delaySeconds: 0, targets: [{ kind: "safe_unsigned", safeId: guardian.id }] }],
          reminderSeconds: REMINDER_SECONDS,
        },
      });
      expect(policy.status(), await policy.text()).toBe(201);
      policyId = ((await policy.json()) as { policy: { id: string } }).policy.id;

      const declared = await erin.context.request.post("/api/incidents", {
        data: { title: `Paging ${randomUUID().slice(0, 8)}`, severity: "P4" },
      });
      expect(declared.status(), await declared.text()).toBe(201);
      const { ref } = ((await declared.json()) as { incident: { ref: string } }).incident;
      const proposed = await erin.context.request.post(`/api/incidents/${ref}/proposals`, {
        data: {
          safeId: guardian.id,
          title: "Pause everything",
          calls: [{ to: stack.deployment.contracts.globalPauseRegistry, signature: "pauseGlobal()" }],
        },
      });
      expect(proposed.status(), await proposed.text()).toBe(201);
      proposalId = ((await proposed.json()) as { id: string }).id;
      const link = `/proposals/${proposalId}`;
      const pagesTo = (name: string) =>
        sink.received.filter((r) => r.recipient === name && new URL(r.link).pathname === link);

      // The proposal pages the three owners who have not signed, each with the proposal's link and nothing
      // secret (no signature, no hash to sign: title, severity, what is asked, the link).
      for (const name of [ALICE, BOB, CAROL].map((i) => names.get(i)!))
        await expect.poll(() => pagesTo(name).length, { timeout: 30_000 }).toBeGreaterThan(0);
      const first = pagesTo(names.get(ALICE)!)[0]!;
      expect(JSON.stringify(first.body)).not.toMatch(/0x[0-9a-f]{64}/i);
      expect((first.body.page as { ask: string }).ask).toContain("Pause everything");

      // Alice opens the link signed out, on her phone: sign-in and signature in at most 3 clicks.
      const phone = await walletContext(browser, stack, ALICE, { signIn: false });
      try {
        const page = phone.page;
        await page.setViewportSize({ width: 390, height: 844 });
        let clicks = 0;
        const click = async (name: string) => {
          clicks += 1;
          await page.getByRole("button", { name, exact: true }).click();
        };
        await page.goto(new URL(first.link).pathname);
        await expect(page).toHaveURL(/\/login\?callbackUrl=/);
        await expect(page.getByRole("button", { name: "Connect wallet" })).toBeEnabled();
        await page.waitForLoadState("networkidle");
        await click("Connect wallet");
        await click("Sign in with Ethereum");
        await expect(page).toHaveURL(new RegExp(`${link}$`));
        await expect(page.getByTestId("wallet-address")).toBeVisible();
        await click("Sign");
        await expect(page.getByText("Signature accepted.")).toBeVisible();
        await expect(page.getByTestId("signature-progress").first()).toHaveText("1 of 2");
        expect(clicks).toBeLessThanOrEqual(3);
        await screenshot(page, testInfo, "paged-signer-390x844");
      } finally {
        await phone.context.close();
      }

      // The next reminder goes to Bob and Carol only.
      const signedAt = Date.now();
      await expect
        .poll(() => pagesTo(names.get(BOB)!).filter((r) => r.at > signedAt).length, { timeout: 30_000 })
        .toBeGreaterThan(0);
      await expect
        .poll(() => pagesTo(names.get(CAROL)!).filter((r) => r.at > signedAt).length, { timeout: 30_000 })
        .toBeGreaterThan(0);
      // A reminder already on its way when she signed may still land; none is queued for her after it.
      await new Promise((resolve) => setTimeout(resolve, (REMINDER_SECONDS + 2) * 1000));
      const aliceAfter = pagesTo(names.get(ALICE)!).filter((r) => r.at > signedAt + 2_000).length;
      expect(aliceAfter).toBe(0);

      // Bob signs at his desk: threshold, and paging stops.
      await bob.page.goto(link);
      await connectWallet(bob.page);
      await bob.page.getByRole("button", { name: "Sign", exact: true }).click();
      await expect(bob.page.getByTestId("signature-progress").first()).toHaveText("2 of 2");
      const tallyState = bob.page.getByTestId("page-tally-state");
      await expect(tallyState).toContainText("Paging stopped", { timeout: 30_000 });
      const stoppedAt = Date.now();
      const rows = bob.page.getByTestId("page-tally-row");
      await expect(rows.filter({ hasText: names.get(ALICE)! })).toContainText(/signed \d\d:\d\d:\d\d UTC/);
      await expect(rows.filter({ hasText: names.get(BOB)! })).toContainText(/signed \d\d:\d\d:\d\d UTC/);
      await expect(rows.filter({ hasText: names.get(CAROL)! })).toContainText(/paged [2-9]\d*×/);
      await expect(rows.filter({ hasText: names.get(CAROL)! })).toContainText("not signed");
      await screenshot(bob.page, testInfo, "page-tally-desktop");
      await new Promise((resolve) => setTimeout(resolve, (REMINDER_SECONDS + 2) * 1000));
      expect(
        sink.received.filter((r) => r.at > stoppedAt + 1_000 && new URL(r.link).pathname === link),
      ).toEqual([]);

      // The incident's timeline has the pages, the reminders and the stop.
      await bob.page.goto(`/incidents/${ref}`);
      const timeline = bob.page.getByTestId("timeline");
      await expect(timeline.locator('[data-kind="page.sent"]').first()).toContainText(
        "the owners who have not signed",
      );
      await expect(
        timeline.locator('[data-kind="page.sent"]').filter({ hasText: "Reminded" }).first(),
      ).toBeVisible();
      await expect(timeline.locator('[data-kind="page.stopped"]')).toHaveCount(1);
    } finally {
      if (proposalId)
        // An open or ready proposal would hold the Guardian Safe's next nonce for the specs that follow.
        await prisma.safeProposal.update({ where: { id: proposalId }, data: { state: "rejected" } });
      if (policyId) await alice.context.request.delete(`/api/paging/policies/${policyId}`);
      for (const route of routeIds)
        await route.context.context.request.delete(`/api/paging/routes/${route.id}`);
      await prisma.$disconnect();
      sink.server.close();
      await Promise.all([...owners.map((o) => o.context.close()), erin.context.close()]);
    }
  });
});
