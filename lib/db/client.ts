import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

/**
 * One PrismaClient per process (Next dev reloads modules, so it is kept on globalThis).
 * DATABASE_URL is read at first use: scripts that start an embedded server set it before that.
 */
const globalForPrisma = globalThis as unknown as { breakglassPrisma?: PrismaClient };

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

export function db(): PrismaClient {
  if (!globalForPrisma.breakglassPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm run dev` or `npm run demo`");
    globalForPrisma.breakglassPrisma = createPrismaClient(url);
  }
  return globalForPrisma.breakglassPrisma;
}

export type { PrismaClient };
export type DbTransaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
