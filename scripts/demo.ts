// `npm run demo`: PostgreSQL (embedded unless DATABASE_URL), anvil with the demo protocol and Safes, seeded
// data, and the console. Ctrl-C stops everything it started.
import { randomBytes } from "node:crypto";
import { startAnvil } from "../lib/chain/anvil";
import { anvilAccount, deployDemo } from "../lib/chain/demo";
import { createPrismaClient } from "../lib/db/client";
import { checkEnvOrExit } from "../lib/devstack/check-env";
import { onShutdown } from "../lib/devstack/on-shutdown";
import { DEMO_MEMBERS, seedDemo } from "../lib/devstack/seed-demo";
import { startDatabase } from "../lib/devstack/start-database";
import { startNext } from "../lib/devstack/start-next";
import { freePort, isPortFree } from "../lib/net/free-port";

const started = Date.now();
const say = (line: string) => console.log(`[demo] ${line}`);
const verbose = process.env.DEMO_VERBOSE === "1";
checkEnvOrExit();

const cleanups: (() => Promise<void>)[] = [];
const shutdown = onShutdown(cleanups);

try {
  const database = await startDatabase({ isPersistent: true, log: say });
  cleanups.push(database.stop);

  const anvilPort = Number(process.env.ANVIL_PORT ?? 8545);
  const anvil = await startAnvil({ port: (await isPortFree(anvilPort)) ? anvilPort : await freePort() });
  cleanups.push(anvil.stop);
  say(`anvil at ${anvil.rpcUrl}`);

  const deployment = await deployDemo({ rpcUrl: anvil.rpcUrl });
  const prisma = createPrismaClient(database.url);
  await seedDemo(prisma, deployment);
  // Read each Safe's owners, nonce and roles from the chain now, so Settings shows them without a refresh.
  process.env.DATABASE_URL = database.url;
  const { readSafeState } = await import("../lib/safe/read-safe-state");
  for (const safe of await prisma.safe.findMany({ where: { chainId: deployment.chainId } }))
    await readSafeState(safe.id);
  await prisma.$disconnect();
  say("demo protocol deployed and seeded");

  const port = Number(process.env.PORT ?? 3000);
  const appUrl = `http://localhost:${port}`;
  const next = await startNext({
    mode: "dev",
    port,
    env: {
      DATABASE_URL: database.url,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("hex"),
      // anvil mines a block only per transaction: with confirmations the last change would wait for the next.
      [`WATCH_CONFIRMATIONS_${deployment.chainId}`]:
        process.env[`WATCH_CONFIRMATIONS_${deployment.chainId}`] ?? "0",
    },
    log: verbose ? (line) => console.log(`[next] ${line}`) : undefined,
  });
  cleanups.push(next.stop);

  console.log("");
  console.log("Demo signers (anvil's public test keys; import one into a browser wallet):");
  for (const member of DEMO_MEMBERS) {
    const account = anvilAccount(member.index);
    console.log(
      `  ${member.displayName.padEnd(12)} ${member.role.padEnd(10)} ${account.address}  ${account.privateKey}`,
    );
  }
  console.log(`Guardian Safe (2 of 3): ${deployment.safes.guardian.address}`);
  console.log(`Admin Safe    (2 of 3): ${deployment.safes.admin.address}`);
  console.log(
    `Add the chain to your wallet: network "Anvil", RPC ${anvil.rpcUrl}, chain id ${deployment.chainId}, currency ETH.`,
  );
  console.log("");
  console.log(
    `Breakglass ready at ${appUrl} (in ${((Date.now() - started) / 1000).toFixed(1)} s). Ctrl-C stops everything.`,
  );
  next.process.once("exit", (code) => void shutdown(code ?? 1));
} catch (error) {
  console.error(`[demo] failed: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
