import { randomBytes } from "node:crypto";
import { startSeededStack } from "../../lib/devstack/start-seeded-stack";
import { assertLocalDatabase } from "../../tests/setup/assert-local-database";

/**
 * One real stack for the e2e run (lib/devstack/start-seeded-stack.ts): a throwaway PostgreSQL (or a local
 * DATABASE_URL), anvil with the Safe contracts and the demo protocol, and two `next start` instances (A and B)
 * sharing the database, as in a multi-instance deployment. Run `npm run build` first (npm test does).
 */
export const E2E_WALLETCONNECT_PROJECT_ID = "e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0";

export default async function globalSetup() {
  const log = process.env.E2E_VERBOSE === "1" ? (line: string) => console.log(`[e2e] ${line}`) : undefined;
  if (process.env.DATABASE_URL) assertLocalDatabase(process.env.DATABASE_URL);
  const stack = await startSeededStack({
    chain: "demo",
    instances: 2,
    useConfiguredDatabase: true,
    // The chain watcher writes what it sees to open incidents' timelines whenever blocks confirm; the
    // shared stack's specs count timeline rows, so it stays off here. @watch runs on a stack of its own.
    // Notification channels may deliver to the sinks specs start on this host (the outbound guard refuses
    // loopback otherwise).
    // A production build refuses to store secrets (contact routes, kit signatures) without a real key: one per run.
    env: {
      BREAKGLASS_WATCH: "off",
      BREAKGLASS_OUTBOUND_ALLOW: "127.0.0.1",
      BREAKGLASS_SECRETS_KEY: randomBytes(32).toString("hex"),
      // WalletConnect is offered when configured; its relay is unreachable here, so specs check the offer and
      // the policy, not a pairing (a made-up project id).
      BREAKGLASS_WALLETCONNECT_PROJECT_ID: E2E_WALLETCONNECT_PROJECT_ID,
    },
    log,
  });
  // Workers inherit these: fixtures read them.
  process.env.E2E_BASE_URL = stack.apps[0]!.url;
  process.env.E2E_BASE_URL_B = stack.apps[1]!.url;
  process.env.E2E_DATABASE_URL = stack.databaseUrl;
  process.env.E2E_RPC_URL = stack.anvil!.rpcUrl;
  process.env.E2E_DEPLOYMENT = JSON.stringify(stack.deployment);
  return stack.stop;
}
