import { signToken } from "../crypto";
import { db } from "../db/client";
import { appendTimelineEvent, SYSTEM_AUTHOR } from "../timeline";
import { readTarget } from "./manage-contact-routes";
import type { PageMessage } from "./page-message";
import { absoluteLink } from "./paging-config";
import { sendPage } from "./send-page";

export const ACK_TOKEN_PURPOSE = "page-ack";

/** The acknowledge link of one recipient of an incident page: a token good for that only. */
export function acknowledgeLink(pageId: string, memberId: string): string {
  return absoluteLink(`/ack/${signToken(ACK_TOKEN_PURPOSE, `${pageId}:${memberId}`)}`);
}

const PAGE_FIELDS = {
  id: true,
  state: true,
  title: true,
  severity: true,
  ask: true,
  link: true,
  subjectType: true,
  incidentId: true,
} as const;

export type DeliveryOutcome = "delivered" | "retry" | "dead" | "skipped";

/**
 * One attempt at one delivery (the paging.deliver job). A page closed meanwhile (acknowledged, threshold
 * reached) is not sent. The attempt and its timeline event are written together; a failure that is not the
 * last attempt makes the job throw, so graphile-worker retries it with backoff.
 */
export async function deliverPage(
  deliveryId: string,
  attempt: { number: number; isLast: boolean },
): Promise<DeliveryOutcome> {
  const delivery = await db().pageDelivery.findUnique({
    where: { id: deliveryId },
    // Only what a delivery needs: a signer page's pendingOwners (a thousand addresses for a big kit) was
    // parsed again for every one of its deliveries, and dominated a fan-out's CPU time.
    include: { page: { select: PAGE_FIELDS } },
  });
  if (
    !delivery ||
    delivery.status === "delivered" ||
    delivery.status === "dead" ||
    delivery.status === "cancelled"
  )
    return "skipped";
  const { page } = delivery;
  if (page.state !== "open") {
    await db().pageDelivery.update({ where: { id: delivery.id }, data: { status: "cancelled" } });
    return "skipped";
  }
  const [route, member] = await Promise.all([
    delivery.routeId ? db().contactRoute.findUnique({ where: { id: delivery.routeId } }) : null,
    db().member.findUnique({ where: { id: delivery.memberId }, select: { id: true, displayName: true } }),
  ]);
  const recipient = { id: delivery.memberId, name: member?.displayName ?? "a former member" };
  let error: string | null;
  if (!route || !member) error = "the contact route was deleted";
  else {
    const message: PageMessage = {
      pageId: page.id,
      title: page.title,
      severity: page.severity,
      ask: page.ask,
      link: page.subjectType === "incident" ? acknowledgeLink(page.id, member.id) : absoluteLink(page.link),
      recipientName: member.displayName,
      deliveryId: delivery.id,
    };
    try {
      error = await sendPage(readTarget(route.targetCipher), message);
    } catch {
      error = "the contact route's secret could not be read";
    }
  }
  const isFinal = error !== null && (attempt.isLast || !route || !member);
  const status = error === null ? "delivered" : isFinal ? "dead" : "failed";
  const outcome = {
    status,
    attempts: attempt.number,
    lastError: error,
    deliveredAt: error === null ? new Date() : null,
  };
  // A kit's or proposal's page has no incident timeline to write to: one UPDATE, no transaction.
  if (!page.incidentId) {
    await db().pageDelivery.update({ where: { id: delivery.id }, data: outcome });
    return error === null ? "delivered" : isFinal ? "dead" : "retry";
  }
  const incidentId = page.incidentId;
  await db().$transaction(async (tx) => {
    await tx.pageDelivery.update({ where: { id: delivery.id }, data: outcome });
    if (error === null)
      await appendTimelineEvent(tx, {
        incidentId,
        kind: "page.delivered",
        author: SYSTEM_AUTHOR,
        payload: { pageId: page.id, deliveryId: delivery.id, recipient, kind: delivery.kind },
      });
    else
      await appendTimelineEvent(tx, {
        incidentId,
        kind: "page.delivery_failed",
        author: SYSTEM_AUTHOR,
        payload: {
          pageId: page.id,
          deliveryId: delivery.id,
          recipient,
          kind: delivery.kind,
          reason: error,
          isFinal,
        },
      });
  });
  return error === null ? "delivered" : isFinal ? "dead" : "retry";
}
