import { getAddress } from "viem";
import { db } from "../db/client";

export type TallyRow = {
  memberId: string;
  name: string;
  address: string | null;
  /** Each time this person was paged (first page, reminders), with how it went. */
  pages: { step: string; at: string; kinds: string[]; delivered: boolean }[];
  signedAt: string | null;
};

export type PageTally = {
  pageId: string | null;
  state: string | null;
  stopReason: string | null;
  rows: TallyRow[];
};

/** Who was paged about a proposal, when, by what, and who signed (the proposal page's live tally). */
export async function getProposalPageTally(proposalId: string): Promise<PageTally> {
  const [page, signatures] = await Promise.all([
    db().page.findFirst({
      where: { subjectType: "proposal", subjectId: proposalId },
      orderBy: { createdAt: "desc" },
      include: { deliveries: { orderBy: { createdAt: "asc" } } },
    }),
    db().safeSignature.findMany({ where: { proposalId }, select: { owner: true, createdAt: true } }),
  ]);
  if (!page) return { pageId: null, state: null, stopReason: null, rows: [] };
  const members = await db().member.findMany({
    where: {
      OR: [
        { id: { in: page.deliveries.map((d) => d.memberId) } },
        { address: { in: signatures.map((s) => s.owner), mode: "insensitive" } },
      ],
    },
    select: { id: true, displayName: true, address: true },
  });
  const signedAt = new Map(signatures.map((s) => [getAddress(s.owner), s.createdAt.toISOString()]));
  const rows: TallyRow[] = members.map((member) => {
    const mine = page.deliveries.filter((d) => d.memberId === member.id);
    const steps = [...new Set(mine.map((d) => d.step))];
    return {
      memberId: member.id,
      name: member.displayName,
      address: member.address,
      pages: steps.map((step) => {
        const ofStep = mine.filter((d) => d.step === step);
        return {
          step,
          at: ofStep[0]!.createdAt.toISOString(),
          kinds: ofStep.map((d) => d.kind),
          delivered: ofStep.some((d) => d.status === "delivered"),
        };
      }),
      signedAt: signedAt.get(getAddress(member.address)) ?? null,
    };
  });
  rows.sort((a, b) => a.name.localeCompare(b.name));
  return { pageId: page.id, state: page.state, stopReason: page.stopReason, rows };
}
