import { decryptSecret, encryptSecret } from "../crypto";
import { db } from "../db/client";
import { AppError } from "../errors";
import { assertPublicUrl } from "../net";
import { type ContactTarget, targetHint, ZContactTarget } from "./contact-targets";
import {
  type TCreateContactRoute,
  type TUpdateContactRoute,
  ZCreateContactRoute,
  ZUpdateContactRoute,
} from "./schemas";

/** What Settings shows of a route: never the address, URL or key after saving. */
export type ContactRouteView = {
  id: string;
  memberId: string;
  position: number;
  kind: string;
  label: string;
  targetHint: string;
  isEnabled: boolean;
  createdAt: Date;
};

type RouteRow = {
  id: string;
  memberId: string;
  position: number;
  kind: string;
  label: string;
  targetHint: string;
  isEnabled: boolean;
  createdAt: Date;
  targetCipher?: string;
};

function view(row: RouteRow): ContactRouteView {
  const { targetCipher: _secret, ...rest } = row;
  return rest;
}

/** Webhook-style targets are refused when they point inside the network (lib/net), naming the field. */
async function checkTarget(target: ContactTarget): Promise<void> {
  if (target.kind === "slack" || target.kind === "webhook")
    await assertPublicUrl(target.url, { field: "target.url" });
}

export async function listContactRoutes(memberId: string): Promise<ContactRouteView[]> {
  const rows = await db().contactRoute.findMany({
    where: { memberId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(view);
}

export async function createContactRoute(
  memberId: string,
  input: TCreateContactRoute,
): Promise<ContactRouteView> {
  const parsed = ZCreateContactRoute.parse(input);
  await checkTarget(parsed.target);
  const member = await db().member.findUnique({ where: { id: memberId }, select: { id: true } });
  if (!member) throw new AppError("NOT_FOUND", "No such member.");
  const last = await db().contactRoute.aggregate({ where: { memberId }, _max: { position: true } });
  const row = await db().contactRoute.create({
    data: {
      memberId,
      position: (last._max.position ?? -1) + 1,
      kind: parsed.target.kind,
      label: parsed.label,
      targetCipher: encryptSecret(JSON.stringify(parsed.target)),
      targetHint: targetHint(parsed.target),
      isEnabled: parsed.isEnabled,
    },
  });
  return view(row);
}

/** `memberId` scopes the change: a member edits only their own routes unless the caller checked admin. */
export async function updateContactRoute(
  id: string,
  memberId: string | null,
  input: TUpdateContactRoute,
): Promise<ContactRouteView> {
  const parsed = ZUpdateContactRoute.parse(input);
  const existing = await db().contactRoute.findUnique({ where: { id } });
  if (!existing || (memberId && existing.memberId !== memberId))
    throw new AppError("NOT_FOUND", "No such contact route.");
  if (parsed.target) {
    if (parsed.target.kind !== existing.kind)
      throw new AppError("UNPROCESSABLE", "target.kind: a route keeps its kind; add a new route instead", {
        fields: [{ path: "target.kind", message: "a route keeps its kind; add a new route instead" }],
      });
    await checkTarget(parsed.target);
  }
  const row = await db().contactRoute.update({
    where: { id },
    data: {
      ...(parsed.label !== undefined ? { label: parsed.label } : {}),
      ...(parsed.isEnabled !== undefined ? { isEnabled: parsed.isEnabled } : {}),
      ...(parsed.position !== undefined ? { position: parsed.position } : {}),
      ...(parsed.target
        ? {
            targetCipher: encryptSecret(JSON.stringify(parsed.target)),
            targetHint: targetHint(parsed.target),
          }
        : {}),
    },
  });
  return view(row);
}

export async function deleteContactRoute(id: string, memberId: string | null): Promise<void> {
  const { count } = await db().contactRoute.deleteMany({ where: { id, ...(memberId ? { memberId } : {}) } });
  if (count === 0) throw new AppError("NOT_FOUND", "No such contact route.");
}

/** The decrypted target, for the sender only (server side, never returned to a caller). */
export function readTarget(targetCipher: string): ContactTarget {
  return ZContactTarget.parse(JSON.parse(decryptSecret(targetCipher)));
}
