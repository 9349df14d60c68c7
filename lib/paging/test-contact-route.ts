import { randomBytes } from "node:crypto";
import { db } from "../db/client";
import { AppError } from "../errors";
import { readTarget } from "./manage-contact-routes";
import { absoluteLink } from "./paging-config";
import { sendPage } from "./send-page";

/**
 * Sends a test page to one of the member's routes now, in the request, and says what happened: the member
 * sees the delivery (or its reason) at once. Nothing is stored: a test page opens no incident page.
 */
export async function testContactRoute(
  routeId: string,
  memberId: string,
): Promise<{ isDelivered: boolean; reason: string | null }> {
  const route = await db().contactRoute.findUnique({ where: { id: routeId }, include: { member: true } });
  if (!route || route.memberId !== memberId) throw new AppError("NOT_FOUND", "No such contact route.");
  const reason = await sendPage(readTarget(route.targetCipher), {
    pageId: `test-${randomBytes(4).toString("hex")}`,
    title: "Test page from Breakglass",
    severity: null,
    ask: `Nothing to do: this checks your "${route.label}" route`,
    link: absoluteLink("/settings/paging"),
    recipientName: route.member.displayName,
    deliveryId: `test-${randomBytes(6).toString("hex")}`,
    isTest: true,
  });
  return { isDelivered: reason === null, reason };
}
