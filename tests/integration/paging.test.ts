import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { declareIncident } from "../../lib/incidents";
import { type JobRunner, startJobRunner } from "../../lib/jobs";
import {
  acknowledgePage,
  createContactRoute,
  deletePolicy,
  getProposalPageTally,
  PAGING_TASKS,
  readAcknowledgeToken,
  savePolicy,
} from "../../lib/paging";
import { registerTimelineHooks } from "../../lib/tasks";
import { appendTimelineEvent, SYSTEM_AUTHOR } from "../../lib/timeline";
import { type HttpSink, startHttpSink } from "../support/start-http-sink";
import { type SmtpSink, startSmtpSink } from "../support/start-smtp-sink";
import { until } from "./paging-support";

let smtp: SmtpSink;
let sink: HttpSink;
const runners: JobRunner[] = [];
const children: ChildProcess[] = [];
const policyIds: string[] = [];
const tag = randomBytes(3).toString("hex");

beforeAll(async () => {
  smtp = await startSmtpSink();
  sink = await startHttpSink();
  // Loopback receivers: allowed explicitly, as an admin would allow an internal host.
  process.env.BREAKGLASS_OUTBOUND_ALLOW = "127.0.0.1";
  process.env.BREAKGLASS_SMTP_URL = smtp.url;
  process.env.BREAKGLASS_PAGERDUTY_EVENTS_URL = `${sink.url}/pagerduty/v2/enqueue`;
  process.env.NEXTAUTH_URL = "http://console.test";
  registerTimelineHooks();
});

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  for (const runner of runners) await runner.stop();
  for (const id of policyIds) await deletePolicy(id).catch(() => {});
  await db().contactRoute.deleteMany({ where: { label: { startsWith: `t-${tag}` } } });
  await smtp.close();
  await sink.close();
});

async function runner(concurrency = 4) {
  const started = await startJobRunner({
    connectionString: process.env.DATABASE_URL!,
    tasks: PAGING_TASKS,
    concurrency,
    pollIntervalMs: 100,
    recoveryIntervalMs: 300,
    recoveryGraceMs: 500,
  });
  runners.push(started);
  return started;
}

async function person(name: string) {
  const account = privateKeyToAccount(`0x${randomBytes(32).toString("hex")}`);
  return db().member.create({
    data: { address: account.address, displayName: `${name} ${tag}`, role: "responder" },
  });
}

async function timeline(incidentId: string, prefix = "page.") {
  const events = await db().timelineEvent.findMany({ where: { incidentId }, orderBy: { id: "asc" } });
  return events.filter((event) => event.kind.startsWith(prefix));
}

describe("paging until someone acts", () => {
  it("a P1 pages level 1 by e-mail and Slack, escalates to level 2 (webhook, PagerDuty), stops when acknowledged", async () => {
    const first = await person("Lev One");
    const second = await person("Lev Two");
    const email = `lev.one.${tag}@example.test`;
    await createContactRoute(first.id, { label: `t-${tag} mail`, target: { kind: "email", address: email } });
    await createContactRoute(first.id, {
      label: `t-${tag} slack`,
      target: { kind: "slack", url: `${sink.url}/slack-${tag}`, mention: "U0LEVONE" },
    });
    await createContactRoute(second.id, {
      label: `t-${tag} hook`,
      target: { kind: "webhook", url: `${sink.url}/hook-${tag}` },
    });
    await createContactRoute(second.id, {
      label: `t-${tag} pd`,
      target: { kind: "pagerduty", routingKey: `R${tag}0123456789abcdefghij` },
    });
    // The secret never comes back: not in the stored row, not in what Settings lists.
    const stored = await db().contactRoute.findMany({ where: { memberId: first.id } });
    expect(JSON.stringify(stored)).not.toContain(email);
    expect(JSON.stringify(stored)).not.toContain(`slack-${tag}`);

    const policy = await savePolicy(null, {
      name: `P1 ladder ${tag}`,
      severities: ["P1"],
      levels: [
        { delaySeconds: 0, targets: [{ kind: "member", memberId: first.id }] },
        { delaySeconds: 2, targets: [{ kind: "member", memberId: second.id }] },
      ],
      repeatCount: 3,
      reminderSeconds: 2,
    });
    policyIds.push(policy.id);
    await runner();

    const { incident } = await declareIncident({
      input: { title: `Bridge drained ${tag}`, severity: "P1", impact: `private impact ${tag}` },
      author: SYSTEM_AUTHOR,
    });
    const ref = `INC-${incident.number}`;
    const mail = await until(() => smtp.messages.find((m) => m.subject?.includes(ref)), "the e-mail page");
    expect(mail.subject).toBe(`[P1] ${ref}: Bridge drained ${tag}`);
    expect((mail.to as { text: string }).text).toBe(email);
    expect(mail.text).toContain(`Acknowledge ${ref}`);
    const link = /http:\/\/console\.test\/ack\/(\S+)/.exec(mail.text ?? "");
    expect(link).toBeTruthy();
    // Safety: only title, severity, the ask and the link; never the impact or notes.
    expect(mail.text).not.toContain(`private impact ${tag}`);
    const slack = await until(() => sink.at(`/slack-${tag}`)[0], "the Slack page");
    expect(String(slack.body.text)).toMatch(new RegExp(`^<@U0LEVONE> \\[P1\\] ${ref}: Bridge drained`));
    expect(sink.at(`/hook-${tag}`)).toHaveLength(0);

    // Nobody acknowledges: level 2 after its 2 s delay.
    const hook = await until(() => sink.at(`/hook-${tag}`)[0], "the level-2 webhook page");
    expect(hook.body).toMatchObject({
      source: "breakglass",
      type: "page",
      page: { title: `${ref}: Bridge drained ${tag}`, severity: "P1", ask: `Acknowledge ${ref}` },
      recipient: { name: `Lev Two ${tag}` },
    });
    const pd = await until(
      () => sink.at("/pagerduty/v2/enqueue").find((r) => String(r.body.routing_key).startsWith(`R${tag}`)),
      "the PagerDuty event",
    );
    expect(pd.body).toMatchObject({
      event_action: "trigger",
      payload: { source: "breakglass", severity: "critical" },
    });
    expect(String((pd.body.payload as { summary: string }).summary)).toContain(`Acknowledge ${ref}`);
    expect((pd.body.links as { href: string }[])[0]!.href).toMatch(/^http:\/\/console\.test\/ack\//);

    // Level 2's recipient acknowledges from their link (no session: the signed token names them).
    const token = /\/ack\/(\S+)$/.exec(String((hook.body.page as { link: string }).link))![1]!;
    const { pageId, memberId } = readAcknowledgeToken(token);
    expect(memberId).toBe(second.id);
    expect(() => readAcknowledgeToken(`${token.slice(0, -2)}xx`)).toThrow();
    expect((await acknowledgePage({ pageId, memberId, via: "link" })).isNew).toBe(true);
    const before = { mail: smtp.messages.length, http: sink.received.length };
    // The repeat (round 2 of the ladder) was due 2 s after level 2: it must not come.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(smtp.messages.filter((m) => m.subject?.includes(ref))).toHaveLength(1);
    expect(sink.at(`/slack-${tag}`)).toHaveLength(1);
    expect(sink.at(`/hook-${tag}`)).toHaveLength(1);
    expect({ mail: smtp.messages.length, http: sink.received.length }).toEqual(before);

    const events = await timeline(incident.id);
    expect(events.map((e) => e.kind)).toEqual([
      "page.sent",
      "page.delivered",
      "page.delivered",
      "page.escalated",
      "page.sent",
      "page.delivered",
      "page.delivered",
      "page.acknowledged",
    ]);
    expect(events[0]!.payload).toMatchObject({ level: 0, recipients: [{ name: `Lev One ${tag}` }] });
    expect(events[7]!.payload).toMatchObject({ by: { id: second.id }, via: "link" });
    expect((await db().page.findUniqueOrThrow({ where: { id: pageId } })).state).toBe("acknowledged");
    await runners.pop()!.stop();
  });

  it("two instances running the worker deliver each page exactly once", async () => {
    const people = await Promise.all(Array.from({ length: 12 }, (_, index) => person(`Fan ${index}`)));
    for (const member of people)
      await createContactRoute(member.id, {
        label: `t-${tag} fan`,
        target: { kind: "webhook", url: `${sink.url}/fan-${tag}` },
      });
    const policy = await savePolicy(null, {
      name: `P3 fan-out ${tag}`,
      severities: ["P3"],
      levels: [
        { delaySeconds: 0, targets: people.map((m) => ({ kind: "member" as const, memberId: m.id })) },
      ],
    });
    policyIds.push(policy.id);
    const a = await runner(3);
    const b = await runner(3);
    for (let index = 0; index < 5; index++)
      await declareIncident({
        input: { title: `Fan-out ${tag} ${index}`, severity: "P3" },
        author: SYSTEM_AUTHOR,
      });
    await until(() => sink.at(`/fan-${tag}`).length >= 60, "60 deliveries");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const ids = sink.at(`/fan-${tag}`).map((r) => String(r.headers["x-breakglass-delivery"]));
    const rows = await db().pageDelivery.findMany({ where: { memberId: { in: people.map((m) => m.id) } } });
    expect(
      rows
        .map((row) => `${row.status}/${row.attempts}/${row.lastError ?? ""}`)
        .filter((v) => v !== "delivered/1/"),
    ).toEqual([]);
    expect(ids.length - new Set(ids).size).toBe(0);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    // Both instances took part (each job row records the pool that ran it only while locked: count runs).
    expect(new Set([...a.workerIds(), ...b.workerIds()]).size).toBe(2);
    await a.stop();
    await b.stop();
    runners.splice(0);
  });

  it("a worker killed mid-delivery: after a restart the page is delivered, nothing lost", async () => {
    const member = await person("Killed");
    await createContactRoute(member.id, {
      label: `t-${tag} kill`,
      target: { kind: "webhook", url: `${sink.url}/kill-${tag}` },
    });
    const policy = await savePolicy(null, {
      name: `P2 kill ${tag}`,
      severities: ["P2"],
      levels: [{ delaySeconds: 0, targets: [{ kind: "member", memberId: member.id }] }],
    });
    policyIds.push(policy.id);
    sink.state.hang.add(`/kill-${tag}`);
    const child = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/paging-job-runner.ts"], {
      env: { ...process.env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(child);
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    await until(() => output.includes("ready"), "the child runner", 60_000);
    const { incident } = await declareIncident({
      input: { title: `Kill ${tag}`, severity: "P2" },
      author: SYSTEM_AUTHOR,
    });
    // The child is inside the HTTP call: the receiver has the request and holds it.
    await until(() => sink.at(`/kill-${tag}`).length === 1, "the child to start delivering");
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const delivery = await db().pageDelivery.findFirstOrThrow({ where: { memberId: member.id } });
    expect(delivery.status).toBe("queued");

    sink.state.hang.delete(`/kill-${tag}`);
    await runner();
    await until(
      async () =>
        (await db().pageDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status === "delivered",
      "the delivery after the restart",
    );
    expect(sink.at(`/kill-${tag}`).map((r) => r.headers["x-breakglass-delivery"])).toEqual([
      delivery.id,
      delivery.id,
    ]);
    const kinds = (await timeline(incident.id)).map((e) => e.kind);
    expect(kinds).toEqual(["page.sent", "page.delivered"]);
    await runners.pop()!.stop();
  });

  it("a proposal pages exactly the owners who have not signed; reminders skip signers; threshold stops it", async () => {
    const policy = await savePolicy(null, {
      name: `P4 signers ${tag}`,
      severities: ["P4"],
      levels: [
        {
          delaySeconds: 0,
          targets: [
            {
              kind: "safe_unsigned",
              safeId: (await db().safe.findFirstOrThrow({ where: { label: "Guardian Safe" } })).id,
            },
          ],
        },
      ],
      reminderSeconds: 2,
    });
    policyIds.push(policy.id);
    const owners = await db().member.findMany({
      where: { displayName: { in: ["Alice Ng", "Bob Okafor", "Carol Diaz"] } },
    });
    expect(owners).toHaveLength(3);
    for (const owner of owners)
      await createContactRoute(owner.id, {
        label: `t-${tag} signer`,
        target: { kind: "webhook", url: `${sink.url}/sign-${tag}/${owner.displayName.split(" ")[0]}` },
      });
    const safe = await db().safe.findFirstOrThrow({ where: { label: "Guardian Safe" } });
    const { incident } = await declareIncident({
      input: { title: `Signers ${tag}`, severity: "P4" },
      author: SYSTEM_AUTHOR,
    });
    await runner();
    // The incident's own page (level 0: the Guardian Safe's owners who have not signed: all three).
    await until(
      () => sink.received.filter((r) => r.path.startsWith(`/sign-${tag}/`)).length >= 3,
      "the incident page",
    );
    const proposal = await proposalOn(safe, incident.id);
    const signerPages = () =>
      sink.received.filter(
        (r) =>
          r.path.startsWith(`/sign-${tag}/`) &&
          (r.body.page as { link: string }).link.endsWith(`/proposals/${proposal.id}`),
      );
    const first = await until(
      () => signerPages().length >= 3 && signerPages(),
      "the first page to the three owners",
    );
    expect(first.map((r) => r.path.split("/").pop()).sort()).toEqual(["Alice", "Bob", "Carol"]);
    expect((first[0]!.body.page as { ask: string }).ask).toBe(`Sign "${proposal.title}" on Guardian Safe`);
    expect(JSON.stringify(first[0]!.body)).not.toMatch(/0x[0-9a-f]{130}/);

    await sign(proposal.id, incident.id, owners.find((o) => o.displayName === "Alice Ng")!.address, 1);
    const reminded = await until(() => signerPages().length >= 5 && signerPages().slice(3), "the reminder");
    expect(reminded.map((r) => r.path.split("/").pop()).sort()).toEqual(["Bob", "Carol"]);

    await sign(proposal.id, incident.id, owners.find((o) => o.displayName === "Bob Okafor")!.address, 2);
    await until(
      async () => (await db().page.findFirst({ where: { subjectId: proposal.id } }))?.state === "stopped",
      "the page to stop",
    );
    const count = signerPages().length;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(signerPages().length).toBe(count);

    const tally = await getProposalPageTally(proposal.id);
    expect(tally.state).toBe("stopped");
    expect(tally.stopReason).toBe("threshold reached (2 of 2)");
    const byName = new Map(tally.rows.map((row) => [row.name, row]));
    expect(byName.get("Alice Ng")!.signedAt).not.toBeNull();
    expect(byName.get("Carol Diaz")!.signedAt).toBeNull();
    expect(byName.get("Carol Diaz")!.pages.length).toBeGreaterThanOrEqual(2);
    expect(byName.get("Alice Ng")!.pages).toHaveLength(1);
    const kinds = (await timeline(incident.id)).map((e) => e.kind);
    expect(kinds).toContain("page.stopped");
    const stopped = (await timeline(incident.id)).find((e) => e.kind === "page.stopped")!;
    expect(stopped.payload).toMatchObject({ reason: "threshold reached (2 of 2)" });
    await runners.pop()!.stop();
    await db().contactRoute.deleteMany({ where: { label: `t-${tag} signer` } });
  });
});

async function proposalOn(safe: { id: string; address: string; label: string }, incidentId: string) {
  const hash = `0x${randomBytes(32).toString("hex")}`;
  return db().$transaction(async (tx) => {
    const created = await tx.safeProposal.create({
      data: {
        incidentId,
        safeId: safe.id,
        title: `Pause ${tag}`,
        nonce: 0,
        to: safe.address,
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
      incidentId,
      kind: "proposal.created",
      author: SYSTEM_AUTHOR,
      payload: {
        proposalId: created.id,
        safe: safe.address,
        safeLabel: safe.label,
        title: created.title,
        nonce: 0,
        safeTxHash: hash,
        isRejection: false,
      },
    });
    return created;
  });
}

async function sign(proposalId: string, incidentId: string, owner: string, count: number) {
  await db().$transaction(async (tx) => {
    await tx.safeSignature.create({ data: { proposalId, owner, signature: `0x${"ab".repeat(65)}` } });
    await appendTimelineEvent(tx, {
      incidentId,
      kind: "proposal.signed",
      author: SYSTEM_AUTHOR,
      payload: { proposalId, owner, count, threshold: 2 },
    });
  });
}
