import { startEmbeddedPostgres } from "../db/embedded-postgres";
import { migrate } from "../db/migrate";
import { migrateJobs } from "../jobs";

/** `url` is what the console connects with; `ownerUrl` owns the schema (migrations, test fixtures). */
export type StartedDatabase = {
  url: string;
  ownerUrl: string;
  isEmbedded: boolean;
  stop: () => Promise<void>;
};

/**
 * DATABASE_URL when set (nothing is started; migrations run as DATABASE_MIGRATION_URL when that is set, the
 * schema owner); otherwise a real PostgreSQL from npm, persistent for dev and demo, throwaway for tests, with
 * migrations applied (ours and graphile-worker's, the job queue).
 */
export async function startDatabase(options: {
  isPersistent: boolean;
  log?: (line: string) => void;
}): Promise<StartedDatabase> {
  const log = options.log ?? (() => {});
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const ownerUrl = process.env.DATABASE_MIGRATION_URL || configured;
    await migrate(ownerUrl, { log });
    await migrateJobs(ownerUrl);
    return { url: configured, ownerUrl, isEmbedded: false, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({ isPersistent: options.isPersistent });
  log(`embedded PostgreSQL on port ${embedded.port} (${embedded.dataDir})`);
  let url: string;
  try {
    await migrate(embedded.url, { log });
    await migrateJobs(embedded.url);
    url = embedded.url;
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url, ownerUrl: embedded.url, isEmbedded: true, stop: embedded.stop };
}
