import { z } from "zod";
import { db } from "../db/client";
import { defineTask } from "../jobs";
import { acknowledgePage } from "./acknowledge-page";
import { deliverPage } from "./deliver-page";
import { openIncidentPage } from "./open-page";
import { pageSigners, stopPaging, updatePendingSigners } from "./page-signers";
import { DELIVERY_MAX_ATTEMPTS, PAGE_DELIVER_TASK, PAGE_STEP_TASK } from "./paging-jobs";
import { runPageStep, stopPageInTx } from "./run-page-step";
import { pendingProposalSigners } from "./signer-sources";

export const pageStepTask = defineTask({
  name: PAGE_STEP_TASK,
  payload: z.object({ pageId: z.string(), level: z.number().int().min(0), round: z.number().int().min(0) }),
  maxAttempts: 10,
  run: (step) => runPageStep(step),
});

export const deliverPageTask = defineTask({
  name: PAGE_DELIVER_TASK,
  payload: z.object({ deliveryId: z.string() }),
  maxAttempts: DELIVERY_MAX_ATTEMPTS,
  run: async ({ deliveryId }, context) => {
    const outcome = await deliverPage(deliveryId, { number: context.attempt, isLast: context.isLastAttempt });
    // Thrown so graphile-worker schedules the retry with its backoff; the reason is already recorded.
    if (outcome === "retry") throw new Error(`page delivery ${deliveryId} failed; retrying`);
  },
});

/** An incident was declared (queued in its transaction by the timeline hook): page its policy. */
export const incidentDeclaredTask = defineTask({
  name: "paging.incident-declared",
  payload: z.object({ incidentId: z.string() }),
  run: async ({ incidentId }) => {
    await openIncidentPage(incidentId);
  },
});

/** Acknowledged or resolved in the console: the incident's pages stop. */
export const incidentAnsweredTask = defineTask({
  name: "paging.incident-answered",
  payload: z.object({ incidentId: z.string(), memberId: z.string().nullable(), reason: z.string() }),
  run: async ({ incidentId, memberId, reason }) => {
    const pages = await db().page.findMany({ where: { incidentId, subjectType: "incident", state: "open" } });
    for (const page of pages) {
      if (memberId) await acknowledgePage({ pageId: page.id, memberId, via: "console" });
      else
        await db().$transaction(async (tx) => {
          await tx.$queryRaw`SELECT "id" FROM "Page" WHERE "id" = ${page.id} FOR UPDATE`;
          const locked = await tx.page.findUnique({ where: { id: page.id } });
          if (locked?.state === "open") await stopPageInTx(tx, locked, reason, new Date());
        });
    }
  },
});

/**
 * A proposal was created, signed or changed state: page the owners who have not signed, or keep the open
 * page's list current, or stop it at threshold.
 */
export const proposalChangedTask = defineTask({
  name: "paging.proposal-changed",
  payload: z.object({ proposalId: z.string() }),
  run: async ({ proposalId }) => {
    const subject = { type: "proposal" as const, id: proposalId };
    const pending = await pendingProposalSigners(proposalId);
    if (pending.isDone) {
      await stopPaging(subject, pending.reason ?? "nothing left to sign");
      return;
    }
    const open = await db().page.findFirst({
      where: { subjectType: "proposal", subjectId: proposalId, state: "open" },
    });
    if (open) return updatePendingSigners(subject, pending.owners);
    // A proposal pages once: after its page stopped (threshold, then a signature was withdrawn) nobody re-pages.
    if (await db().page.count({ where: { subjectType: "proposal", subjectId: proposalId } })) return;
    const proposal = await db().safeProposal.findUniqueOrThrow({
      where: { id: proposalId },
      include: { safe: true, incident: { select: { severityName: true } } },
    });
    await pageSigners({
      subject: { ...subject, title: proposal.title, incidentId: proposal.incidentId },
      safe: { label: proposal.safe.label },
      ownersToPage: pending.owners,
      link: `/proposals/${proposal.id}`,
      severity: proposal.incident?.severityName ?? null,
    });
  },
});

export const PAGING_TASKS = [
  pageStepTask,
  deliverPageTask,
  incidentDeclaredTask,
  incidentAnsweredTask,
  proposalChangedTask,
];
