export { createPrismaClient, db, type DbTransaction, type PrismaClient } from "./client";
export { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
