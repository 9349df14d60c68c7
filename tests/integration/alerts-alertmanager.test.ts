import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as alertmanagerPost } from "../../app/api/alerts/alertmanager/route";
import { db } from "../../lib/db";
import { freePort } from "../../lib/net/free-port";
import { GLOBAL_PAUSE_ANCHOR } from "../support/runbook-fixtures";
import { importExampleRunbook, makeRoute, makeSource, unique } from "./alerts-support";

/**
 * The real Prometheus Alertmanager (Debian package prometheus-alertmanager; .ci/run installs it) delivers
 * to the console's real route handler, served here by a tiny node:http server.
 */
function findAlertmanager(): string {
  const candidates = [
    process.env.ALERTMANAGER_BIN,
    "/usr/bin/prometheus-alertmanager",
    "/usr/bin/alertmanager",
  ];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  const which = spawnSync("sh", ["-c", "command -v alertmanager || command -v prometheus-alertmanager"], {
    encoding: "utf8",
  });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  throw new Error(
    "Alertmanager is not installed: `apt-get install -y prometheus-alertmanager` (CI's .ci/run does), or set ALERTMANAGER_BIN.",
  );
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("the real Alertmanager delivers to the console", () => {
  let alertmanager: ChildProcess | undefined;
  let console_: Server | undefined;
  let workDir = "";
  let amUrl = "";
  const amLog: string[] = [];
  const deliveries: number[] = [];

  const name = unique("ProtocolGloballyPaused");
  let sourceId = "";
  let runbook: { slug: string; versionId: string };

  beforeAll(async () => {
    const binary = findAlertmanager();
    const { source, secret } = await makeSource("alertmanager", "bearer");
    sourceId = source.id;
    runbook = await importExampleRunbook();
    await makeRoute(name, "P1", [`${runbook.slug}#${GLOBAL_PAUSE_ANCHOR}`]);

    const consolePort = await freePort();
    console_ = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", async () => {
        const headers = new Headers();
        for (const [key, value] of Object.entries(request.headers))
          if (typeof value === "string") headers.set(key, value);
        const result = await alertmanagerPost(
          new Request(`http://127.0.0.1:${consolePort}${request.url}`, {
            method: request.method,
            headers,
            body: Buffer.concat(chunks),
          }),
        );
        deliveries.push(result.status);
        response.writeHead(result.status, { "content-type": "application/json" });
        response.end(await result.text());
      });
    });
    await new Promise<void>((resolve) => console_!.listen(consolePort, "127.0.0.1", resolve));

    workDir = mkdtempSync(path.join(tmpdir(), "breakglass-am-"));
    const config = [
      "global:",
      "  resolve_timeout: 1s",
      "route:",
      "  receiver: breakglass",
      "  group_by: ['alertname']",
      "  group_wait: 100ms",
      "  group_interval: 1s",
      "  repeat_interval: 1h",
      "receivers:",
      "  - name: breakglass",
      "    webhook_configs:",
      `      - url: 'http://127.0.0.1:${consolePort}/api/alerts/alertmanager?source=${sourceId}'`,
      "        send_resolved: true",
      "        http_config:",
      "          authorization:",
      "            type: Bearer",
      `            credentials: '${secret}'`,
    ].join("\n");
    writeFileSync(path.join(workDir, "alertmanager.yml"), config, { mode: 0o600 });
    const amPort = await freePort();
    amUrl = `http://127.0.0.1:${amPort}`;
    alertmanager = spawn(
      binary,
      [
        `--config.file=${path.join(workDir, "alertmanager.yml")}`,
        `--storage.path=${path.join(workDir, "data")}`,
        `--web.listen-address=127.0.0.1:${amPort}`,
        "--cluster.listen-address=", // no gossip: a single test instance
        "--log.level=debug",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    alertmanager.stdout?.on("data", (chunk: Buffer) => amLog.push(chunk.toString()));
    alertmanager.stderr?.on("data", (chunk: Buffer) => amLog.push(chunk.toString()));
    await waitFor("Alertmanager to be ready", async () => {
      if (alertmanager?.exitCode !== null) throw new Error(`Alertmanager exited:\n${amLog.join("")}`);
      const response = await fetch(`${amUrl}/-/ready`).catch(() => null);
      return response?.ok ? true : null;
    });
  });

  afterAll(async () => {
    if (alertmanager && alertmanager.exitCode === null) {
      const exited = new Promise((resolve) => alertmanager!.once("exit", resolve));
      alertmanager.kill("SIGTERM");
      await exited;
    }
    await new Promise((resolve) => console_?.close(resolve) ?? resolve(null));
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  async function postToAlertmanager(endsAt?: Date) {
    const response = await fetch(`${amUrl}/api/v2/alerts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([
        {
          labels: { alertname: name, chain: "31337", severity: "critical" },
          annotations: { summary: "GlobalPauseRegistry.isGloballyPaused() == true" },
          generatorURL: "http://prometheus.local/graph",
          ...(endsAt ? { endsAt: endsAt.toISOString() } : {}),
        },
      ]),
    });
    expect(response.status, await response.text()).toBe(200);
  }

  it("a firing alert becomes an incident with the routed severity and runbook; resolving adds a timeline event", async () => {
    await postToAlertmanager();
    const alert = await waitFor("the alert to become an incident", () =>
      db().alert.findFirst({ where: { sourceId, name, incidentId: { not: null } } }),
    );
    const incident = await db().incident.findUniqueOrThrow({ where: { id: alert.incidentId! } });
    expect(incident).toMatchObject({ severityName: "P1", detectedVia: "alert", resolvedAt: null });
    expect(incident.title).toContain(name);
    const attached = await db().incidentRunbook.findMany({ where: { incidentId: incident.id } });
    expect(attached.map((row) => [row.versionId, row.anchor])).toEqual([
      [runbook.versionId, GLOBAL_PAUSE_ANCHOR],
    ]);

    await postToAlertmanager(new Date(Date.now() - 1000));
    const resolved = await waitFor("the resolved notification", () =>
      db().timelineEvent.findFirst({ where: { incidentId: incident.id, kind: "alert.resolved" } }),
    );
    expect(resolved.authorType).toBe("alert");
    expect(await db().alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({
      status: "resolved",
    });
    // Resolving the alert never closes the incident.
    expect(await db().incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({
      resolvedAt: null,
    });
    expect(deliveries.every((status) => status === 202)).toBe(true);
  });
});
