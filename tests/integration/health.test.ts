import { afterAll, describe, expect, inject, it } from "vitest";
import { db } from "../../lib/db";
import { checkHealth } from "../../lib/health";

const DEAD_RPC = "http://127.0.0.1:9"; // discard port: refuses at once
const FALLBACK_CHAIN = 990_001;
const DEAD_CHAIN = 990_002;

describe("health", () => {
  afterAll(async () => {
    await db().chain.deleteMany({ where: { id: { in: [FALLBACK_CHAIN, DEAD_CHAIN] } } });
  });

  it("reports the database, current migrations and the demo chain", async () => {
    const health = await checkHealth();
    expect(health.database).toBe("ok");
    expect(health.migrations).toEqual({ status: "current", pending: [] });
    const anvil = health.chains.find((chain) => chain.chainId === 31337);
    expect(anvil?.status).toBe("ok");
    expect(Number(anvil?.blockNumber)).toBeGreaterThan(0);
    // Other tests share this database and may register chains of their own: the overall status follows them.
    const isWatchOk = health.watch.every((chain) => chain.status === "ok" || chain.status === "not_started");
    expect(health.status).toBe(
      health.chains.every((chain) => chain.status === "ok") && isWatchOk ? "ok" : "degraded",
    );
  });

  it("tries RPC URLs in order and reports a dead chain as degraded", async () => {
    await db().chain.create({
      data: { id: FALLBACK_CHAIN, name: "Fallback test", rpcUrls: [DEAD_RPC, inject("rpcUrl")] },
    });
    await db().chain.create({ data: { id: DEAD_CHAIN, name: "Dead test", rpcUrls: [DEAD_RPC] } });
    const health = await checkHealth();
    expect(health.chains.find((chain) => chain.chainId === FALLBACK_CHAIN)).toMatchObject({
      status: "ok",
      answeredBy: 1,
    });
    expect(health.chains.find((chain) => chain.chainId === DEAD_CHAIN)).toMatchObject({
      status: "unreachable",
      answeredBy: null,
    });
    expect(health.status).toBe("degraded");
    // URLs can carry provider keys: the report names positions, never URLs.
    expect(JSON.stringify(health)).not.toContain("127.0.0.1");
  });
});
