/** graphile-worker's own PostgreSQL schema: created and migrated by graphile-worker, not by prisma/migrations. */
export const JOBS_SCHEMA = "graphile_worker";
