import { randomBytes } from "node:crypto";
import { encryptSecret, hashSecret } from "../crypto";
import { db } from "../db/client";
import { AppError } from "../errors";
import { type TCreateAlertSource, ZCreateAlertSource } from "./schemas";

/** At most two active secrets: the current one and its replacement during a rotation. */
export const MAX_ACTIVE_SECRETS = 2;

/** What the browser may see of a source: never a secret, only its prefix to tell two apart. */
export type AlertSourceView = {
  id: string;
  name: string;
  kind: string;
  authMode: string;
  createdAt: Date;
  secrets: { id: string; prefix: string; createdAt: Date }[];
  alertCount: number;
};

function newSecret(authMode: string): {
  secret: string;
  data: { hash?: string; ciphertext?: string; prefix: string };
} {
  const secret = `${authMode === "hmac" ? "bgh" : "bga"}_${randomBytes(32).toString("base64url")}`;
  const prefix = `${secret.slice(0, 8)}…`;
  // Bearer tokens are only compared (hash); HMAC keys must be used to sign, so they are encrypted.
  return authMode === "hmac"
    ? { secret, data: { ciphertext: encryptSecret(secret), prefix } }
    : { secret, data: { hash: hashSecret(secret), prefix } };
}

export async function listAlertSources(): Promise<AlertSourceView[]> {
  const sources = await db().alertSource.findMany({
    orderBy: { createdAt: "asc" },
    include: {
      secrets: { where: { revokedAt: null }, orderBy: { createdAt: "asc" } },
      _count: { select: { alerts: true } },
    },
  });
  return sources.map((source) => ({
    id: source.id,
    name: source.name,
    kind: source.kind,
    authMode: source.authMode,
    createdAt: source.createdAt,
    secrets: source.secrets.map(({ id, prefix, createdAt }) => ({ id, prefix, createdAt })),
    alertCount: source._count.alerts,
  }));
}

/** Creates a source with its first secret, returned once: only its hash or ciphertext is kept. */
export async function createAlertSource(
  input: TCreateAlertSource,
): Promise<{ source: AlertSourceView; secret: string }> {
  const parsed = ZCreateAlertSource.parse(input);
  const { secret, data } = newSecret(parsed.authMode);
  try {
    const created = await db().alertSource.create({
      data: { ...parsed, secrets: { create: data } },
      include: { secrets: true },
    });
    return {
      secret,
      source: {
        ...created,
        secrets: created.secrets.map(({ id, prefix, createdAt }) => ({ id, prefix, createdAt })),
        alertCount: 0,
      },
    };
  } catch (error) {
    if ((error as { code?: string })?.code === "P2002") {
      throw new AppError("CONFLICT", `name: a source named ${parsed.name} exists.`, {
        fields: [{ path: "name", message: "is already used by another source" }],
      });
    }
    throw error;
  }
}

/** Adds the second active secret (step 1 of a rotation). The source row is locked so two clicks make one. */
export async function rotateAlertSecret(sourceId: string): Promise<{ secretId: string; secret: string }> {
  return db().$transaction(async (tx) => {
    const [source] = await tx.$queryRaw<{ id: string; authMode: string }[]>`
      SELECT "id", "authMode" FROM "AlertSource" WHERE "id" = ${sourceId} FOR UPDATE`;
    if (!source) throw new AppError("NOT_FOUND", "No such alert source.");
    const active = await tx.alertSecret.count({ where: { sourceId, revokedAt: null } });
    if (active >= MAX_ACTIVE_SECRETS) {
      throw new AppError("CONFLICT", "This source already has two active secrets: revoke the old one first.");
    }
    const { secret, data } = newSecret(source.authMode);
    const created = await tx.alertSecret.create({ data: { sourceId, ...data } });
    return { secretId: created.id, secret };
  });
}

/** Revokes a secret (step 2 of a rotation). The last active secret stays: a source without one is dead. */
export async function revokeAlertSecret(options: { sourceId: string; secretId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "AlertSource" WHERE "id" = ${options.sourceId} FOR UPDATE`;
    const secret = await tx.alertSecret.findFirst({
      where: { id: options.secretId, sourceId: options.sourceId, revokedAt: null },
    });
    if (!secret) throw new AppError("NOT_FOUND", "No such active secret on this source.");
    const active = await tx.alertSecret.count({ where: { sourceId: options.sourceId, revokedAt: null } });
    if (active <= 1) {
      throw new AppError(
        "CONFLICT",
        "This is the source's only active secret: add the new one before revoking.",
      );
    }
    await tx.alertSecret.update({ where: { id: secret.id }, data: { revokedAt: new Date() } });
  });
}
