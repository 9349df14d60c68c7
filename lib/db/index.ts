export { createPrismaClient, type DbTransaction, db, type PrismaClient } from "./client";
export { type EmbeddedDatabase, startEmbeddedPostgres } from "./embedded-postgres";
export { isDatabaseDown } from "./is-database-down";
