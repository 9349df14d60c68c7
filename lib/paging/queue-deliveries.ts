import type { DbTransaction } from "../db/client";
import { queueDeliveryJobs } from "./paging-jobs";
import type { Recipient } from "./resolve-recipients";

/**
 * One delivery row per enabled route of each recipient for this step of the page, and its job, in the
 * caller's transaction. The unique (page, member, route, step) key makes a step that runs twice (a worker
 * killed after committing) queue nothing twice: "each page exactly once" is a database constraint.
 */
export async function queueDeliveries(
  tx: DbTransaction,
  pageId: string,
  recipients: Recipient[],
  step: string,
): Promise<{ reached: Recipient[]; unreachable: string[] }> {
  const routes = await tx.contactRoute.findMany({
    where: { memberId: { in: recipients.map((r) => r.memberId) }, isEnabled: true },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, memberId: true, kind: true },
  });
  const rows = await tx.pageDelivery.createManyAndReturn({
    data: routes.map((route) => ({
      pageId,
      memberId: route.memberId,
      routeId: route.id,
      kind: route.kind,
      step,
    })),
    skipDuplicates: true,
    select: { id: true },
  });
  await queueDeliveryJobs(
    tx,
    rows.map((row) => row.id),
  );
  const withRoutes = new Set(routes.map((route) => route.memberId));
  return {
    reached: recipients.filter((r) => withRoutes.has(r.memberId)),
    unreachable: recipients.filter((r) => !withRoutes.has(r.memberId)).map((r) => r.name),
  };
}
