import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";

async function durabilitySettings(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const read = async (name: string) => (await client.query(`SHOW ${name}`)).rows[0]![name] as string;
    return { fsync: await read("fsync"), synchronous_commit: await read("synchronous_commit") };
  } finally {
    await client.end();
  }
}

describe("the embedded PostgreSQL's durability", () => {
  const servers: EmbeddedDatabase[] = [];
  // As root the server runs as the postgres user, who must be able to enter the data folder's parents.
  const dataRoot = mkdtempSync(path.join(tmpdir(), "breakglass-durability-"));
  chmodSync(dataRoot, 0o777);
  const previous = process.env.BREAKGLASS_DATA_DIR;

  afterAll(async () => {
    for (const server of servers) await server.stop();
    if (previous === undefined) delete process.env.BREAKGLASS_DATA_DIR;
    else process.env.BREAKGLASS_DATA_DIR = previous;
    rmSync(dataRoot, { recursive: true, force: true });
  });

  it("keeps PostgreSQL's defaults for persistent dev/demo data (fsync, synchronous commit)", async () => {
    process.env.BREAKGLASS_DATA_DIR = dataRoot;
    const server = await startEmbeddedPostgres({ isPersistent: true });
    servers.push(server);
    expect(server.dataDir).toBe(path.join(dataRoot, "postgres"));
    expect(await durabilitySettings(server.url)).toEqual({ fsync: "on", synchronous_commit: "on" });
  });

  it("relaxes them only for throwaway test databases", async () => {
    const server = await startEmbeddedPostgres({ isPersistent: false });
    servers.push(server);
    expect(await durabilitySettings(server.url)).toEqual({ fsync: "off", synchronous_commit: "off" });
  });
});
