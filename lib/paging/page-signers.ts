import { getAddress } from "viem";
import { db } from "../db/client";
import { policyForSeverity } from "./manage-policies";
import { openSignersPage, type PageSubject } from "./open-page";
import { stopPageInTx } from "./run-page-step";

const DEFAULT_REMINDER_SECONDS = 300;

/**
 * Pages the owners who have to sign something (a proposal, a pre-signed kit): each of `ownersToPage` now,
 * then reminders at the policy's interval to whoever has still not signed, until threshold. For a proposal
 * the pending owners are re-read from the chain and its signatures at each reminder; for a kit the caller
 * keeps them current with updatePendingSigners (or stopPaging). One open page per subject: paging again
 * returns the open page. `link` is a path such as `/proposals/<id>`; the page carries only the title,
 * severity, what is asked and that link.
 */
export async function pageSigners(options: {
  subject: PageSubject;
  safe: { label: string };
  ownersToPage: string[];
  link: string;
  severity?: string | null;
  ask?: string;
  reminderSeconds?: number;
  now?: Date;
}): Promise<{ pageId: string; isNew: boolean }> {
  const existing = await db().page.findFirst({
    where: { subjectType: options.subject.type, subjectId: options.subject.id, state: "open" },
  });
  if (existing) return { pageId: existing.id, isNew: false };
  const policy = options.reminderSeconds ? null : await policyForSeverity(options.severity ?? null);
  const pageId = await db().$transaction((tx) =>
    openSignersPage(tx, {
      subject: options.subject,
      ownersToPage: options.ownersToPage.map((owner) => getAddress(owner)),
      link: options.link,
      severity: options.severity ?? null,
      ask: options.ask ?? `Sign "${options.subject.title}" on ${options.safe.label}`,
      reminderSeconds: options.reminderSeconds ?? policy?.reminderSeconds ?? DEFAULT_REMINDER_SECONDS,
      now: options.now ?? new Date(),
    }),
  );
  return { pageId, isNew: true };
}

/** Replaces who a signers' page still waits for (kits); an empty list stops it at the next step. */
export async function updatePendingSigners(
  subject: { type: PageSubject["type"]; id: string },
  owners: string[],
) {
  await db().page.updateMany({
    where: { subjectType: subject.type, subjectId: subject.id, state: "open" },
    data: { pendingOwners: owners.map((owner) => getAddress(owner)) },
  });
}

/** Stops every open page of a subject now (threshold reached, executed, cancelled). */
export async function stopPaging(
  subject: { type: PageSubject["type"]; id: string },
  reason: string,
  now = new Date(),
): Promise<number> {
  const pages = await db().page.findMany({
    where: { subjectType: subject.type, subjectId: subject.id, state: "open" },
  });
  for (const page of pages)
    await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "Page" WHERE "id" = ${page.id} FOR UPDATE`;
      const locked = await tx.page.findUnique({ where: { id: page.id } });
      if (locked?.state === "open") await stopPageInTx(tx, locked, reason, now);
    });
  return pages.length;
}
