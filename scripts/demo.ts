// `npm run demo`: PostgreSQL (embedded unless DATABASE_URL), anvil with the demo protocol and Safes, seeded
// data and the example runbooks, and the console as a production build (`next start`): built once, reused
// while the sources are unchanged, so no page waits on compilation. Ctrl-C stops everything it started.
import path from "node:path";
import { startAnvil } from "../lib/chain/anvil";
import { anvilAccount, deployDemo } from "../lib/chain/demo";
import { createPrismaClient } from "../lib/db/client";
import { persistentDataRoot } from "../lib/db/embedded-postgres";
import { checkEnvOrExit } from "../lib/devstack/check-env";
import { describeSafeDuties } from "../lib/devstack/describe-safe-duties";
import { ensureProductionBuild } from "../lib/devstack/ensure-production-build";
import { onShutdown } from "../lib/devstack/on-shutdown";
import { readDemoSecrets } from "../lib/devstack/read-demo-secrets";
import { DEMO_MEMBERS, seedDemo } from "../lib/devstack/seed-demo";
import { startDatabase } from "../lib/devstack/start-database";
import { startNext } from "../lib/devstack/start-next";
import { freePort, isPortFree } from "../lib/net/free-port";

const started = Date.now();
const root = path.resolve(import.meta.dirname, "..");
const say = (line: string) => console.log(`[demo] ${line}`);
// Server errors (Next's stderr) always reach the console; DEMO_VERBOSE=1 adds Next's and next build's stdout.
const verbose = process.env.DEMO_VERBOSE === "1";
checkEnvOrExit();

const cleanups: (() => Promise<void>)[] = [];
const shutdown = onShutdown(cleanups);

try {
  // The build and the chain start side by side: the build is the long part on a fresh clone.
  const buildAbort = new AbortController();
  cleanups.push(async () => buildAbort.abort());
  const build = ensureProductionBuild({
    root,
    signal: buildAbort.signal,
    log: say,
    buildLog: verbose ? (line) => console.log(`[build] ${line}`) : undefined,
  });
  build.catch(() => {}); // awaited below; a failure must not surface as an unhandled rejection first

  const database = await startDatabase({ isPersistent: true, log: say });
  cleanups.push(database.stop);

  const anvilPort = Number(process.env.ANVIL_PORT ?? 8545);
  const anvil = await startAnvil({ port: (await isPortFree(anvilPort)) ? anvilPort : await freePort() });
  cleanups.push(anvil.stop);
  say(`anvil at ${anvil.rpcUrl}`);

  const deployment = await deployDemo({ rpcUrl: anvil.rpcUrl });
  const prisma = createPrismaClient(database.url);
  await seedDemo(prisma, deployment, { log: say });
  // Read each Safe's owners, threshold and roles from the chain now: Settings and the banner below show them.
  process.env.DATABASE_URL = database.url;
  const { readSafeState } = await import("../lib/safe/read-safe-state");
  const safes = await prisma.safe.findMany({
    where: { chainId: deployment.chainId },
    orderBy: { label: "desc" },
  });
  const states = await Promise.all(safes.map((safe) => readSafeState(safe.id)));
  const members = await prisma.member.findMany();
  await prisma.$disconnect();
  say("demo protocol deployed and seeded");

  const built = await build;
  say(
    built.isReused
      ? "production build is current (reused)"
      : `production build ready in ${built.seconds.toFixed(0)} s`,
  );

  const port = Number(process.env.PORT ?? 3000);
  const appUrl = `http://localhost:${port}`;
  const secrets = readDemoSecrets(persistentDataRoot());
  const next = await startNext({
    mode: "start",
    port,
    env: {
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
      NEXTAUTH_SECRET: secrets.nextAuthSecret,
      BREAKGLASS_SECRETS_KEY: secrets.secretsKey,
      // anvil mines a block only per transaction: with confirmations the last change would wait for the next.
      [`WATCH_CONFIRMATIONS_${deployment.chainId}`]:
        process.env[`WATCH_CONFIRMATIONS_${deployment.chainId}`] ?? "0",
    },
    log: verbose ? (line) => console.log(`[next] ${line}`) : undefined,
    logError: (line) => console.error(`[next] ${line}`),
  });
  cleanups.push(next.stop);

  const ownerships = new Map<string, string[]>();
  safes.forEach((safe, i) => {
    for (const owner of states[i]!.owners)
      ownerships.set(owner.toLowerCase(), [...(ownerships.get(owner.toLowerCase()) ?? []), safe.label]);
  });
  console.log("");
  console.log("Demo signers (anvil's public test keys; import one into a browser wallet):");
  for (const member of DEMO_MEMBERS) {
    const account = anvilAccount(member.index);
    const owns = ownerships.get(account.address.toLowerCase());
    console.log(
      `  ${member.displayName.padEnd(12)} ${member.role.padEnd(10)} ${account.address}  ${account.privateKey}  ${owns ? `owns ${owns.join(", ")}` : "owns no Safe"}`,
    );
  }
  console.log("Safes (owners, threshold and roles just read from the chain):");
  const names = new Map(members.map((member) => [member.address.toLowerCase(), member.displayName]));
  const banner = describeSafeDuties(
    safes.map((safe, i) => ({
      label: safe.label,
      address: safe.address,
      threshold: states[i]!.threshold,
      owners: states[i]!.owners,
      roles: states[i]!.roles,
    })),
    names,
  );
  for (const line of banner) console.log(line);
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
