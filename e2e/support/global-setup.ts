import { randomBytes } from "node:crypto";
import { startAnvil } from "../../lib/chain/anvil";
import { deployDemo } from "../../lib/chain/demo";
import { createPrismaClient } from "../../lib/db/client";
import { seedDemo } from "../../lib/devstack/seed-demo";
import { startDatabase } from "../../lib/devstack/start-database";
import { startNext } from "../../lib/devstack/start-next";
import { freePort } from "../../lib/net/free-port";
import { assertLocalDatabase } from "../../tests/setup/assert-local-database";

/**
 * One real stack for the e2e run: a throwaway PostgreSQL, anvil with the Safe contracts and the demo
 * protocol, and two `next start` instances (A and B) sharing the database, as in a multi-instance deployment.
 * Run `npm run build` first (npm test does).
 */
export default async function globalSetup() {
  const stops: (() => Promise<void>)[] = [];
  const log = process.env.E2E_VERBOSE === "1" ? (line: string) => console.log(`[e2e] ${line}`) : undefined;
  try {
    if (process.env.DATABASE_URL) assertLocalDatabase(process.env.DATABASE_URL);
    const database = await startDatabase({ isPersistent: false, log });
    stops.push(database.stop);
    const anvil = await startAnvil();
    stops.push(anvil.stop);
    const deployment = await deployDemo({ rpcUrl: anvil.rpcUrl });
    const prisma = createPrismaClient(database.url);
    await seedDemo(prisma, deployment);
    await prisma.$disconnect();

    const secret = randomBytes(32).toString("hex");
    const ports = [await freePort(), await freePort()];
    const apps = await Promise.all(
      ports.map((port) =>
        startNext({
          mode: "start",
          port,
          env: {
            DATABASE_URL: database.url,
            NEXTAUTH_URL: `http://localhost:${port}`,
            NEXTAUTH_SECRET: secret,
            NODE_ENV: "production",
            // The chain watcher writes what it sees to open incidents' timelines whenever blocks confirm; the
            // shared stack's specs count timeline rows, so it stays off here. @watch runs on a stack of its own.
            BREAKGLASS_WATCH: "off",
          },
          log,
        }),
      ),
    );
    for (const app of apps) stops.push(app.stop);

    // Workers inherit these: fixtures read them.
    process.env.E2E_BASE_URL = apps[0]!.url;
    process.env.E2E_BASE_URL_B = apps[1]!.url;
    process.env.E2E_DATABASE_URL = database.url;
    process.env.E2E_RPC_URL = anvil.rpcUrl;
    process.env.E2E_DEPLOYMENT = JSON.stringify(deployment);
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    throw error;
  }
  return async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  };
}
