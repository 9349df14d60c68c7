import { randomBytes } from "node:crypto";
import { privateKeyToAccount } from "viem/accounts";
import { encryptSecret } from "../lib/crypto";
import { db } from "../lib/db/client";
// Not the incidents index: it reaches next-auth, which does not load outside Next.
import { declareIncident } from "../lib/incidents/declare-incident";
import { type JobRunner, startJobRunner } from "../lib/jobs";
import { createContactRoute, PAGING_TASKS, pageSigners, savePolicy } from "../lib/paging";
import { registerTimelineHooks } from "../lib/tasks/register-timeline-hooks";
import { appendTimelineEvent, SYSTEM_AUTHOR } from "../lib/timeline";
import { startHttpSink } from "../tests/support/start-http-sink";
import { startSmtpSink } from "../tests/support/start-smtp-sink";
import { startInProcessStack } from "./support/bench-stack";
import { type BenchOptions, type BenchResult, quantile, round } from "./types";

/**
 * Paging on the job engine, end to end with real receivers (smtp-server, an HTTP sink on loopback):
 * (1) from a proposal's creation (its transaction committing) to the first page accepted by the SMTP server
 * and by the HTTP sink — hook → job → pending owners read from anvil → deliveries → send; target < 1 s;
 * (2) 1,000 pages (one per owner of a kit's page) fanned out across two runners: wall time until every one
 * arrived, and duplicates (target < 10 s, none).
 */
export async function benchPaging({ quick }: BenchOptions): Promise<BenchResult[]> {
  const smtp = await startSmtpSink();
  const sink = await startHttpSink();
  const runners: JobRunner[] = [];
  let unregisterHooks: (() => void) | undefined;
  let stack: Awaited<ReturnType<typeof startInProcessStack>> | undefined;
  try {
    stack = await startInProcessStack({
      env: {
        BREAKGLASS_OUTBOUND_ALLOW: "127.0.0.1",
        BREAKGLASS_SMTP_URL: smtp.url,
        NEXTAUTH_URL: "http://console.bench",
      },
    });
    const { databaseUrl } = stack;
    unregisterHooks = registerTimelineHooks();
    const start = (concurrency: number) =>
      startJobRunner({
        connectionString: databaseUrl,
        tasks: PAGING_TASKS,
        concurrency,
        pollIntervalMs: 200,
      });
    runners.push(await start(5));

    const guardian = await db().safe.findFirstOrThrow({ where: { label: "Guardian Safe" } });
    const bob = await db().member.findFirstOrThrow({ where: { displayName: "Bob Okafor" } });
    const carol = await db().member.findFirstOrThrow({ where: { displayName: "Carol Diaz" } });
    await createContactRoute(bob.id, { label: "mail", target: { kind: "email", address: "bob@bench.test" } });
    await createContactRoute(carol.id, {
      label: "hook",
      target: { kind: "webhook", url: `${sink.url}/carol` },
    });
    await savePolicy(null, {
      name: "bench",
      isDefault: true,
      levels: [{ delaySeconds: 3600, targets: [{ kind: "member", memberId: bob.id }] }],
      reminderSeconds: 3600,
    });
    const { incident } = await declareIncident({
      input: { title: "Bench paging", severity: "P1" },
      author: SYSTEM_AUTHOR,
    });

    const firstPage: { smtp: number[]; http: number[] } = { smtp: [], http: [] };
    for (let run = 0; run < (quick ? 2 : 6); run++) {
      const mails = smtp.messages.length;
      const hooks = sink.at("/carol").length;
      const hash = `0x${randomBytes(32).toString("hex")}`;
      const began = performance.now();
      await db().$transaction(async (tx) => {
        const proposal = await tx.safeProposal.create({
          data: {
            incidentId: incident.id,
            safeId: guardian.id,
            title: `Pause ${run}`,
            nonce: 0,
            to: guardian.address,
            value: "0",
            data: "0x",
            operation: 0,
            calls: [],
            safeTxHash: hash,
            domainHash: hash,
            messageHash: hash,
          },
        });
        await appendTimelineEvent(tx, {
          incidentId: incident.id,
          kind: "proposal.created",
          author: SYSTEM_AUTHOR,
          payload: {
            proposalId: proposal.id,
            safe: guardian.address,
            safeLabel: guardian.label,
            title: proposal.title,
            nonce: 0,
            safeTxHash: hash,
            isRejection: false,
          },
        });
      });
      await waitFor(() => smtp.messages.length > mails && sink.at("/carol").length > hooks, 10_000);
      // Each receiver's own arrival time is not visible here: both are waited for, the later one counts.
      const took = performance.now() - began;
      firstPage.smtp.push(took);
      firstPage.http.push(took);
    }

    // Fan-out: a kit's page to N owners, each a member with one webhook route, across two runners.
    const count = quick ? 200 : 1000;
    const owners = Array.from(
      { length: count },
      () => privateKeyToAccount(`0x${randomBytes(32).toString("hex")}`).address,
    );
    await db().member.createMany({
      data: owners.map((address, index) => ({ address, displayName: `Owner ${index}` })),
    });
    const members = await db().member.findMany({ where: { address: { in: owners } }, select: { id: true } });
    const cipher = encryptSecret(JSON.stringify({ kind: "webhook", url: `${sink.url}/fan` }));
    await db().contactRoute.createMany({
      data: members.map((m) => ({
        memberId: m.id,
        position: 0,
        kind: "webhook",
        label: "fan",
        targetCipher: cipher,
        targetHint: sink.url,
      })),
    });
    runners.push(await start(10));
    const began = performance.now();
    await pageSigners({
      subject: { type: "kit", id: `bench-kit-${randomBytes(3).toString("hex")}`, title: "Arm the pause kit" },
      safe: { label: "Guardian Safe" },
      ownersToPage: owners,
      link: "/kits/bench",
      reminderSeconds: 3600,
    });
    await waitFor(() => sink.at("/fan").length >= count, 120_000);
    const fanOutMs = performance.now() - began;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const ids = sink.at("/fan").map((r) => String(r.headers["x-breakglass-delivery"]));
    const duplicates = ids.length - new Set(ids).size;

    const median = (values: number[]) => round(quantile(values, 0.5));
    return [
      {
        name: "proposal created → first page accepted by the SMTP server and the HTTP sink (median)",
        value: median(firstPage.smtp),
        unit: "ms",
        target: "< 1000",
        isMet: median(firstPage.smtp) < 1000,
      },
      {
        name: `${count} pages fanned out across 2 job runners`,
        value: round(fanOutMs / 1000, 2),
        unit: "s",
        target: count === 1000 ? "< 10" : "< 10 (for 1,000)",
        isMet: fanOutMs < 10_000,
      },
      {
        name: "duplicate page deliveries in that fan-out",
        value: duplicates,
        unit: "",
        target: "0",
        isMet: duplicates === 0,
      },
    ];
  } finally {
    // The bench runner goes on to other benchmarks in this process, with databases that have no job schema.
    unregisterHooks?.();
    for (const runner of runners) await runner.stop().catch(() => {});
    await stack?.stop();
    await smtp.close();
    await sink.close();
  }
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
