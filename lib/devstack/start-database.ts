import { startEmbeddedPostgres } from "../db/embedded-postgres";
import { migrate } from "../db/migrate";
import { migrateJobs } from "../jobs";

export type StartedDatabase = { url: string; isEmbedded: boolean; stop: () => Promise<void> };

/**
 * DATABASE_URL when set (nothing is started); otherwise a real PostgreSQL from npm, persistent for dev and
 * demo, throwaway for tests. Migrations are applied either way, ours and graphile-worker's (the job queue).
 */
export async function startDatabase(options: {
  isPersistent: boolean;
  log?: (line: string) => void;
}): Promise<StartedDatabase> {
  const log = options.log ?? (() => {});
  const configured = process.env.DATABASE_URL;
  if (configured) {
    await migrate(configured, { log });
    await migrateJobs(configured);
    return { url: configured, isEmbedded: false, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({ isPersistent: options.isPersistent });
  log(`embedded PostgreSQL on port ${embedded.port} (${embedded.dataDir})`);
  try {
    await migrate(embedded.url, { log });
    await migrateJobs(embedded.url);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.url, isEmbedded: true, stop: embedded.stop };
}
