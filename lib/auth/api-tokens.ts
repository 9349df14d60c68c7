import { createHash, randomBytes } from "node:crypto";
import { db } from "../db/client";
import type { ApiToken } from "../db/generated/client";
import type { Role } from "./roles";

const PREFIX = "bg_";

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a token and returns it once; only its hash is stored. */
export async function createApiToken(options: {
  name: string;
  role: Role;
  createdBy: string;
}): Promise<{ token: string; record: ApiToken }> {
  const token = `${PREFIX}${randomBytes(24).toString("base64url")}`;
  const record = await db().apiToken.create({
    data: {
      name: options.name,
      role: options.role,
      tokenHash: hashApiToken(token),
      prefix: token.slice(0, 8),
      createdBy: options.createdBy,
    },
  });
  return { token, record };
}

export async function findApiToken(token: string): Promise<ApiToken | null> {
  if (!token.startsWith(PREFIX)) return null;
  const record = await db().apiToken.findUnique({ where: { tokenHash: hashApiToken(token) } });
  if (!record || record.revokedAt) return null;
  // Bookkeeping only: a failure here must not refuse the request.
  void db()
    .apiToken.update({ where: { id: record.id }, data: { lastUsedAt: new Date() } })
    .catch(() => {});
  return record;
}

export async function revokeApiToken(id: string): Promise<void> {
  await db().apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
}
