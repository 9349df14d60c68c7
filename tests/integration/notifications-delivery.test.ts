import { randomBytes } from "node:crypto";
import { createServer as createTcpServer, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { declareIncident } from "../../lib/incidents";
import { startJobRunner } from "../../lib/jobs";
import { OUTBOUND_REFUSED_REASON, OUTBOUND_UNREACHABLE_REASON } from "../../lib/net";
import {
  createChannel,
  deliverDueNotifications,
  deliverNotificationTask,
  listDeadLetters,
  replayNotification,
  updateChannel,
} from "../../lib/notifications";
import { appendTimelineEvent, SYSTEM_AUTHOR } from "../../lib/timeline";
import { type HttpSink, startHttpSink } from "../support/start-http-sink";

const channelIds: string[] = [];
let receiver: HttpSink;

beforeAll(async () => {
  // The receivers listen on loopback, which the outbound guard refuses unless an operator allows it.
  process.env.BREAKGLASS_OUTBOUND_ALLOW = "127.0.0.1";
  receiver = await startHttpSink();
});

afterAll(async () => {
  // Later test files declare incidents too: stop queueing for channels nobody will deliver.
  for (const id of channelIds) await updateChannel(id, { isEnabled: false });
  await receiver.close();
});

async function channel(
  kind: "slack" | "webhook",
  path: string,
  events: ("declared" | "severity_changed" | "status_update" | "signatures_needed")[],
) {
  const created = await createChannel({
    name: `${kind} ${randomBytes(3).toString("hex")}`,
    kind,
    url: `${receiver.url}${path}`,
    events,
  });
  channelIds.push(created.id);
  return created;
}

async function declare(title: string) {
  const { incident } = await declareIncident({
    input: { title, severity: "P2", detectedVia: "monitor" },
    author: SYSTEM_AUTHOR,
  });
  return incident;
}

describe("notifications out", () => {
  it("queues with the event and delivers Slack and generic JSON payloads to local receivers", async () => {
    const tag = randomBytes(3).toString("hex");
    const slack = await channel("slack", `/slack-${tag}`, ["declared", "severity_changed", "status_update"]);
    const webhook = await channel("webhook", `/hook-${tag}`, ["declared", "status_update"]);
    expect(
      JSON.stringify(await db().notificationChannel.findUniqueOrThrow({ where: { id: slack.id } })),
    ).not.toContain(`/slack-${tag}`);

    const incident = await declare(`Notifier test ${tag}`);
    await db().$transaction(async (tx) => {
      await appendTimelineEvent(tx, {
        incidentId: incident.id,
        kind: "incident.severity_changed",
        author: SYSTEM_AUTHOR,
        payload: { from: "P2", to: "P1", reason: "funds at risk" },
      });
      await appendTimelineEvent(tx, {
        incidentId: incident.id,
        kind: "comms.update_posted",
        author: SYSTEM_AUTHOR,
        payload: {
          template: "investigating",
          text: "Bridge paused <b>& investigating",
          nextUpdateDueAt: null,
        },
      });
    });
    // A rolled-back change queues nothing.
    await expect(
      db().$transaction(async (tx) => {
        await appendTimelineEvent(tx, {
          incidentId: incident.id,
          kind: "comms.update_posted",
          author: SYSTEM_AUTHOR,
          payload: { template: "x", text: "never sent", nextUpdateDueAt: null },
        });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");

    const queued = await db().notification.findMany({ where: { channelId: { in: [slack.id, webhook.id] } } });
    expect(queued.map((row) => row.event).sort()).toEqual(
      ["declared", "declared", "severity_changed", "status_update", "status_update"].sort(),
    );
    await deliverDueNotifications({ limit: 50 });
    const rows = await db().notification.findMany({ where: { channelId: { in: [slack.id, webhook.id] } } });
    expect(rows.every((row) => row.deliveredAt !== null && row.attempts === 1)).toBe(true);

    const ref = `INC-${incident.number}`;
    const slackBodies = receiver.received
      .filter((item) => item.path === `/slack-${tag}`)
      .map((item) => item.body)
      .sort((a, b) => String(a.text).localeCompare(String(b.text)));
    expect(slackBodies.map((body) => body.text)).toEqual([
      `${ref} declared (P2): Notifier test ${tag}`,
      `${ref} severity P2 → P1: Notifier test ${tag}`,
      `${ref} status update: Bridge paused <b>& investigating`,
    ]);
    const blocks = slackBodies.find((body) => String(body.text).includes("status update"))!.blocks as {
      type: string;
      text?: { type: string; text: string };
    }[];
    expect(blocks[0]).toMatchObject({ type: "section", text: { type: "mrkdwn" } });
    expect(blocks[0]!.text!.text).toContain("Bridge paused &lt;b&gt;&amp; investigating");

    const hooks = receiver.received
      .filter((item) => item.path === `/hook-${tag}`)
      .sort((a, b) => String(a.body.event).localeCompare(String(b.body.event)));
    expect(hooks.map((item) => item.body.event)).toEqual(["declared", "status_update"]);
    expect(hooks[0]!.body).toMatchObject({
      source: "breakglass",
      event: "declared",
      incident: { id: incident.id, ref, severity: "P2", title: `Notifier test ${tag}` },
    });
    expect(hooks[0]!.headers["x-breakglass-delivery"]).toBeTruthy();
  });

  it("signatures needed names the owners still to sign", async () => {
    const tag = randomBytes(3).toString("hex");
    const hook = await channel("webhook", `/sign-${tag}`, ["signatures_needed"]);
    const incident = await declare(`Signers test ${tag}`);
    const safe = await db().safe.findFirstOrThrow({ where: { label: "Guardian Safe" } });
    const alice = await db().member.findFirstOrThrow({ where: { displayName: "Alice Ng" } });
    const hash = `0x${randomBytes(32).toString("hex")}`;
    const proposal = await db().$transaction(async (tx) => {
      const created = await tx.safeProposal.create({
        data: {
          incidentId: incident.id,
          safeId: safe.id,
          title: "Pause the protocol",
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
        incidentId: incident.id,
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
    await db().$transaction(async (tx) => {
      await tx.safeSignature.create({
        data: { proposalId: proposal.id, owner: alice.address, signature: "0x00" },
      });
      await appendTimelineEvent(tx, {
        incidentId: incident.id,
        kind: "proposal.signed",
        author: SYSTEM_AUTHOR,
        payload: { proposalId: proposal.id, owner: alice.address, count: 1, threshold: 2 },
      });
    });
    await deliverDueNotifications({ limit: 50 });
    // Sent concurrently: order by the signature count each one reported.
    const bodies = receiver.received
      .filter((item) => item.path === `/sign-${tag}`)
      .map((item) => item.body)
      .sort(
        (a, b) =>
          (a.details as { signatures: number }).signatures - (b.details as { signatures: number }).signatures,
      );
    expect(bodies).toHaveLength(2);
    expect(bodies[0]!.text).toContain("2 more signatures needed");
    expect(bodies[0]!.text).toContain("Alice Ng, Bob Okafor, Carol Diaz");
    expect(bodies[1]!.text).toContain("1 more signature needed");
    expect(bodies[1]!.text).toContain("still to sign: Bob Okafor, Carol Diaz");
    expect((bodies[1]!.details as { pendingOwners: unknown[] }).pendingOwners).toHaveLength(2);
    expect(hook.events).toEqual(["signatures_needed"]);
  });

  it("a failing receiver gets retries with backoff, then a dead letter; replay delivers it", async () => {
    const tag = randomBytes(3).toString("hex");
    const failing = await startHttpSink();
    failing.state.status = 503;
    try {
      const created = await createChannel({
        name: `failing ${tag}`,
        kind: "webhook",
        url: `${failing.url}/down`,
        events: ["declared"],
      });
      channelIds.push(created.id);
      await declare(`Dead letter test ${tag}`);
      const row = await db().notification.findFirstOrThrow({ where: { channelId: created.id } });
      const start = Date.now() + 1000;
      const policy = { maxAttempts: 5, baseDelayMs: 1000 };
      // Backoff 1 s, 2 s, 4 s, 8 s: each pass is due exactly when the previous failure said.
      const expectedDelays = [1000, 2000, 4000, 8000];
      let now = start;
      for (let attempt = 1; attempt <= 5; attempt++) {
        // Not due a millisecond early.
        if (attempt > 1) {
          await deliverDueNotifications({ now: new Date(now - 1), policy });
          expect((await db().notification.findUniqueOrThrow({ where: { id: row.id } })).attempts).toBe(
            attempt - 1,
          );
        }
        await deliverDueNotifications({ now: new Date(now), policy });
        const after = await db().notification.findUniqueOrThrow({ where: { id: row.id } });
        expect(after).toMatchObject({ attempts: attempt, lastError: "HTTP 503", deliveredAt: null });
        if (attempt < 5) {
          expect(after.deadAt).toBeNull();
          expect(after.nextAttemptAt.getTime() - now).toBe(expectedDelays[attempt - 1]);
          now = after.nextAttemptAt.getTime();
        } else expect(after.deadAt).not.toBeNull();
      }
      expect(failing.received.filter((item) => item.path === "/down")).toHaveLength(5);
      expect((await listDeadLetters()).map((letter) => letter.id)).toContain(row.id);

      failing.state.status = 200;
      await replayNotification(row.id, new Date(now));
      await deliverDueNotifications({ now: new Date(now), policy });
      const replayed = await db().notification.findUniqueOrThrow({ where: { id: row.id } });
      expect(replayed.deliveredAt).not.toBeNull();
      expect(replayed.deadAt).toBeNull();
      expect(failing.received).toHaveLength(6);
      expect((await listDeadLetters()).map((letter) => letter.id)).not.toContain(row.id);
    } finally {
      await failing.close();
    }
  });

  it("two workers claiming at once never send one notification twice", async () => {
    const tag = randomBytes(3).toString("hex");
    const created = await channel("webhook", `/race-${tag}`, ["declared"]);
    for (let index = 0; index < 6; index++) await declare(`Race test ${tag} ${index}`);
    await Promise.all([
      deliverDueNotifications({ limit: 50 }),
      deliverDueNotifications({ limit: 50 }),
      deliverDueNotifications({ limit: 50 }),
    ]);
    expect(receiver.received.filter((item) => item.path === `/race-${tag}`)).toHaveLength(6);
    expect(
      await db().notification.count({ where: { channelId: created.id, deliveredAt: { not: null } } }),
    ).toBe(6);
  });

  it("refuses loopback, private and metadata URLs unless allowed, and dead letters never map the network", async () => {
    const tag = randomBytes(3).toString("hex");
    const policy = { maxAttempts: 1, baseDelayMs: 1000, timeoutMs: 500 };
    delete process.env.BREAKGLASS_OUTBOUND_ALLOW;
    try {
      for (const url of [
        `${receiver.url}/x`,
        "http://[::1]:8080/x",
        "http://0x7f000001/x",
        "http://localhost:3000/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/x",
        "http://192.168.1.1/x",
      ]) {
        await expect(
          createChannel({ name: `ssrf ${tag}`, kind: "webhook", url, events: ["declared"] }),
        ).rejects.toMatchObject({ status: 422, fields: [{ path: "url", message: OUTBOUND_REFUSED_REASON }] });
      }
      process.env.BREAKGLASS_OUTBOUND_ALLOW = "127.0.0.1";
      const revoked = await channel("webhook", `/revoked-${tag}`, ["declared"]);
      delete process.env.BREAKGLASS_OUTBOUND_ALLOW;
      await expect(updateChannel(revoked.id, { url: "http://[::1]/y" })).rejects.toMatchObject({
        status: 422,
      });
      // Allowed when created, no longer allowed when sent: refused before any connection.
      await declare(`Refused delivery ${tag}`);
      await deliverDueNotifications({ limit: 50, policy });
      const refused = await db().notification.findFirstOrThrow({ where: { channelId: revoked.id } });
      expect(refused).toMatchObject({ lastError: OUTBOUND_REFUSED_REASON, deliveredAt: null });
      expect(refused.deadAt).not.toBeNull();
      expect(receiver.received.some((item) => item.path === `/revoked-${tag}`)).toBe(false);
    } finally {
      process.env.BREAKGLASS_OUTBOUND_ALLOW = "127.0.0.1";
    }

    // A closed port and a port that accepts but never answers read the same in the dead letters.
    const accepted: Socket[] = [];
    const silent = createTcpServer((socket) => accepted.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const silentPort = (silent.address() as { port: number }).port;
    const closed = createTcpServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    try {
      const ids: string[] = [];
      for (const port of [silentPort, closedPort]) {
        const created = await createChannel({
          name: `probe ${port} ${tag}`,
          kind: "webhook",
          url: `http://127.0.0.1:${port}/probe`,
          events: ["declared"],
        });
        channelIds.push(created.id);
        ids.push(created.id);
      }
      await declare(`Probe ${tag}`);
      await deliverDueNotifications({ limit: 50, policy });
      const rows = await db().notification.findMany({ where: { channelId: { in: ids } } });
      expect(rows.map((row) => row.lastError)).toEqual([
        OUTBOUND_UNREACHABLE_REASON,
        OUTBOUND_UNREACHABLE_REASON,
      ]);
      const letters = (await listDeadLetters()).filter((letter) => rows.some((row) => row.id === letter.id));
      expect(letters).toHaveLength(2);
      expect(JSON.stringify(letters)).not.toMatch(/ECONNREFUSED|timed out|\d+ ms/);
    } finally {
      for (const socket of accepted) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
      // Later tests declare incidents too: these channels must not take part in their deliveries.
      for (const id of channelIds) await updateChannel(id, { isEnabled: false });
    }
  });

  it("the job runner delivers queued notifications and replayed dead letters without anyone polling", async () => {
    const tag = randomBytes(3).toString("hex");
    const created = await channel("webhook", `/jobs-${tag}`, ["declared"]);
    const runner = await startJobRunner({
      connectionString: process.env.DATABASE_URL!,
      tasks: [deliverNotificationTask],
      pollIntervalMs: 100,
    });
    const delivered = async (count: number) => {
      for (let tries = 0; tries < 200; tries++) {
        if (receiver.received.filter((item) => item.path === `/jobs-${tag}`).length >= count) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`not delivered ${count} times`);
    };
    try {
      await declare(`Job delivery ${tag}`);
      await delivered(1);
      const row = await db().notification.findFirstOrThrow({ where: { channelId: created.id } });
      expect(row).toMatchObject({ attempts: 1, deadAt: null });
      expect(row.deliveredAt).not.toBeNull();
      // A dead letter put back by an admin is sent by the runner, once.
      await db().notification.update({
        where: { id: row.id },
        data: { deliveredAt: null, deadAt: new Date(), lastError: "HTTP 503" },
      });
      await replayNotification(row.id);
      await delivered(2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(receiver.received.filter((item) => item.path === `/jobs-${tag}`)).toHaveLength(2);
    } finally {
      await runner.stop();
    }
  });
});
