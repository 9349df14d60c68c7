import type { DbTransaction } from "../db/client";
import { addJob, addJobs, removeJob } from "../jobs";

// Task names, and the keys that keep one pending job per page step and per delivery.
export const PAGE_STEP_TASK = "paging.step";
export const PAGE_DELIVER_TASK = "paging.deliver";
export const DELIVERY_MAX_ATTEMPTS = 8;

export const stepJobKey = (pageId: string) => `page-step:${pageId}`;

export type StepPayload = { pageId: string; level: number; round: number };

/** Queues (or moves) the page's next step; a page has at most one pending step. */
export function scheduleStep(tx: DbTransaction, step: StepPayload, runAt: Date): Promise<string> {
  return addJob(PAGE_STEP_TASK, step, { tx, runAt, jobKey: stepJobKey(step.pageId), maxAttempts: 10 });
}

export function cancelSteps(tx: DbTransaction, pageId: string): Promise<void> {
  return removeJob(stepJobKey(pageId), tx);
}

export function queueDeliveryJobs(tx: DbTransaction, deliveryIds: string[]): Promise<number> {
  return addJobs(
    PAGE_DELIVER_TASK,
    deliveryIds.map((id) => ({ payload: { deliveryId: id }, jobKey: `page-delivery:${id}` })),
    { tx, maxAttempts: DELIVERY_MAX_ATTEMPTS },
  );
}
