// `npm run dev`: the console in development mode. Uses DATABASE_URL when set, else an embedded PostgreSQL
// whose data survives restarts. Chains come from the registry (run `npm run demo` for a local chain).
import { randomBytes } from "node:crypto";
import { checkEnvOrExit } from "../lib/devstack/check-env";
import { onShutdown } from "../lib/devstack/on-shutdown";
import { startDatabase } from "../lib/devstack/start-database";
import { startNext } from "../lib/devstack/start-next";

checkEnvOrExit();
const cleanups: (() => Promise<void>)[] = [];
const shutdown = onShutdown(cleanups);
try {
  const database = await startDatabase({ isPersistent: true, log: (line) => console.log(`[dev] ${line}`) });
  cleanups.push(database.stop);
  const port = Number(process.env.PORT ?? 3000);
  const next = await startNext({
    mode: "dev",
    port,
    env: {
      DATABASE_URL: database.url,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("hex"),
    },
    log: (line) => console.log(line),
  });
  cleanups.push(next.stop);
  console.log(`Breakglass (dev) ready at http://localhost:${port}`);
  next.process.once("exit", (code) => void shutdown(code ?? 1));
} catch (error) {
  console.error(`[dev] failed: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
