import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "../../lib/db";
import { addJob, defineCron, defineTask, type JobRunner, startJobRunner } from "../../lib/jobs";

const url = () => process.env.DATABASE_URL!;
const runners: JobRunner[] = [];
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  for (const runner of runners) await runner.stop();
});

async function until<T>(read: () => Promise<T | undefined | false>, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function start(tasks: Parameters<typeof startJobRunner>[0]["tasks"], extra = {}) {
  const runner = await startJobRunner({
    connectionString: url(),
    tasks,
    pollIntervalMs: 100,
    recoveryIntervalMs: 300,
    recoveryGraceMs: 500,
    ...extra,
  });
  runners.push(runner);
  return runner;
}

describe("job engine (graphile-worker)", () => {
  it("a job added in a Prisma transaction exists iff the transaction commits", async () => {
    const tag = randomBytes(4).toString("hex");
    const ran: string[] = [];
    const record = defineTask({
      name: `test.record-${tag}`,
      payload: z.object({ value: z.string() }),
      run: async ({ value }) => {
        ran.push(value);
      },
    });
    await expect(
      db().$transaction(async (tx) => {
        await record.add({ value: "rolled back" }, { tx });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    await db().$transaction(async (tx) => {
      await record.add({ value: "committed" }, { tx });
    });
    await expect(record.add({ value: 42 as unknown as string })).rejects.toThrow();
    const runner = await start([record]);
    await until(async () => ran.length > 0, "the committed job");
    // Give a wrongly queued job every chance to show up before asserting it never ran.
    await record.add({ value: "marker" });
    await until(async () => ran.includes("marker"), "the marker job");
    expect(ran.sort()).toEqual(["committed", "marker"]);
    await runner.stop();
  });

  it("two runners share the queue and run each job exactly once", async () => {
    const tag = randomBytes(4).toString("hex");
    const runs = new Map<number, string[]>();
    const work = (who: string) =>
      defineTask({
        name: `test.share-${tag}`,
        payload: z.object({ n: z.number() }),
        run: async ({ n }) => {
          runs.set(n, [...(runs.get(n) ?? []), who]);
          await new Promise((resolve) => setTimeout(resolve, 5));
        },
      });
    const a = await start([work("a")], { concurrency: 3 });
    const b = await start([work("b")], { concurrency: 3 });
    await db().$transaction(async (tx) => {
      for (let n = 0; n < 200; n++) await addJob(`test.share-${tag}`, { n }, { tx });
    });
    await until(async () => runs.size === 200, "200 jobs");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([...runs.values()].every((who) => who.length === 1)).toBe(true);
    const byRunner = [...runs.values()].flat();
    expect(byRunner.filter((who) => who === "a").length).toBeGreaterThan(0);
    expect(byRunner.filter((who) => who === "b").length).toBeGreaterThan(0);
    await a.stop();
    await b.stop();
  });

  it("a job that runs longer than the recovery grace on a live runner is never taken over", async () => {
    const tag = randomBytes(4).toString("hex");
    const runs: string[] = [];
    const slow = (who: string) =>
      defineTask({
        name: `test.slow-${tag}`,
        payload: z.object({}),
        run: async () => {
          runs.push(who);
          await new Promise((resolve) => setTimeout(resolve, 2500));
        },
      });
    // Both recover every 300 ms and treat 500 ms as "locked too long": only liveness keeps the job theirs.
    const a = await start([slow("a")]);
    const b = await start([slow("b")]);
    await addJob(`test.slow-${tag}`, {});
    await until(async () => runs.length > 0, "the slow job to start");
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(runs).toHaveLength(1);
    await a.stop();
    await b.stop();
  });

  it("a failing job is retried later with backoff, and stays visible as failed at its last attempt", async () => {
    const tag = randomBytes(4).toString("hex");
    const attempts: number[] = [];
    const flaky = defineTask({
      name: `test.flaky-${tag}`,
      payload: z.object({}),
      maxAttempts: 2,
      run: async (_payload, context) => {
        attempts.push(context.attempt);
        throw new Error(`receiver down (attempt ${context.attempt})`);
      },
    });
    const runner = await start([flaky]);
    const id = await flaky.add({});
    const after = await until(async () => {
      const [row] = await sql<{ attempts: number; last_error: string | null; delay: number }>(
        `SELECT attempts, last_error, extract(epoch FROM run_at - now()) AS delay
         FROM graphile_worker._private_jobs WHERE id = $1 AND locked_at IS NULL AND attempts = 1`,
        [id],
      );
      return row;
    }, "the first failure");
    expect(after.last_error).toContain("receiver down (attempt 1)");
    // graphile-worker waits e^attempts seconds: about 2.7 s after the first failure, not at once.
    expect(Number(after.delay)).toBeGreaterThan(1.5);
    await sql("UPDATE graphile_worker._private_jobs SET run_at = now() WHERE id = $1", [id]);
    await until(async () => attempts.length === 2, "the second attempt");
    const [failed] = await until(async () => {
      const rows = await sql<{ attempts: number; max_attempts: number }>(
        "SELECT attempts, max_attempts FROM graphile_worker._private_jobs WHERE id = $1 AND locked_at IS NULL AND attempts = 2",
        [id],
      );
      return rows.length ? rows : undefined;
    }, "the permanent failure");
    expect(failed).toMatchObject({ attempts: 2, max_attempts: 2 });
    expect(attempts).toEqual([1, 2]);
    await runner.stop();
  });

  it("a job whose runner was killed mid-run is run by another runner, without waiting hours", async () => {
    const tag = randomBytes(4).toString("hex");
    const child = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/hanging-job-runner.ts"], {
      env: { ...process.env, DATABASE_URL: url() },
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(child);
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    await until(async () => output.includes("ready"), "the child runner", 60_000);
    const id = await addJob("test.crash", { tag });
    await until(async () => output.includes(`started ${id}`), "the child to start the job");
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const [locked] = await sql<{ locked_by: string | null }>(
      "SELECT locked_by FROM graphile_worker._private_jobs WHERE id = $1",
      [id],
    );
    expect(locked?.locked_by).toBeTruthy();

    const finished: string[] = [];
    const finish = defineTask({
      name: "test.crash",
      payload: z.object({ tag: z.string() }),
      run: async (payload) => {
        finished.push(payload.tag);
      },
    });
    const runner = await start([finish]);
    await until(async () => finished.includes(tag), "the job to be run again after the kill");
    await until(
      async () => (await sql("SELECT 1 FROM graphile_worker._private_jobs WHERE id = $1", [id])).length === 0,
      "the job to be completed",
    );
    expect(finished.filter((value) => value === tag)).toHaveLength(1);
    await runner.stop();
  });

  it("registers crons by identifier", async () => {
    const tag = randomBytes(4).toString("hex");
    const tick = defineTask({
      name: `test.tick-${tag}`,
      payload: z.object({}).passthrough(),
      run: async () => {},
    });
    expect(() => defineCron({ identifier: "bad", schedule: "* * *", task: tick })).toThrow(/5 fields/);
    const runner = await start([tick], {
      crons: [defineCron({ identifier: `tick-${tag}`, schedule: "* * * * *", task: tick })],
    });
    const known = await until(async () => {
      const rows = await sql(
        "SELECT identifier FROM graphile_worker._private_known_crontabs WHERE identifier = $1",
        [`tick-${tag}`],
      );
      return rows.length ? rows : undefined;
    }, "the cron to be known");
    expect(known).toHaveLength(1);
    await runner.stop();
  });
});
