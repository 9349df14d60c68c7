import { db } from "../db/client";

/** Tokens for the settings list: never the hash, only the prefix that identifies a token. */
export function listApiTokens() {
  return db().apiToken.findMany({
    select: {
      id: true,
      name: true,
      role: true,
      prefix: true,
      createdBy: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
    },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}
export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];
