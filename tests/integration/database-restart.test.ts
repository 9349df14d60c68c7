import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../lib/db/client";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { migrate } from "../../lib/db/migrate";
import { errorResponse } from "../../lib/http/handle-route";

// A database restart under a running app: requests answer 503 with a clear message while it is down, the same
// client recovers by itself when it is back, and what was committed before is still there.
describe("database restart", () => {
  let server: EmbeddedDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    server = await startEmbeddedPostgres({ isPersistent: false });
    await migrate(server.url);
    prisma = createPrismaClient(server.url);
  });

  afterAll(async () => {
    await prisma.$disconnect();
    await server.stop();
  });

  it("answers 503 while down and recovers without a new client", async () => {
    const before = await prisma.member.create({
      data: {
        address: "0x00000000000000000000000000000000000000b1",
        displayName: "Before the restart",
        role: "viewer",
      },
    });
    await server.halt();
    const failure = await prisma.member.count().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeNull();
    const response = errorResponse(failure);
    expect(response.status).toBe(503);
    expect((await response.json()).error.message).toBe("The database is unreachable; try again in a moment.");

    await server.resume();
    let members = -1;
    for (let attempt = 0; attempt < 20 && members < 0; attempt++) {
      members = await prisma.member.count().catch(async () => {
        await new Promise((resolve) => setTimeout(resolve, 250));
        return -1;
      });
    }
    expect(members).toBe(1);
    expect(await prisma.member.findUnique({ where: { id: before.id } })).toMatchObject({
      displayName: "Before the restart",
    });
  });
});
