/** What a drill's score is computed from: its timeline, its start, and its checklist. Pure data. */
export type DrillScoreInput = {
  startedAt: Date;
  acknowledgedAt: Date | null;
  events: { kind: string; payload: Record<string, unknown>; createdAt: Date }[];
  checklist: { key: string; text: string }[];
};

export type DrillScore = {
  acknowledgeSeconds: number | null;
  firstProposalSeconds: number | null;
  signatures: { owner: string; seconds: number; isStandIn: boolean }[];
  thresholdSeconds: number | null;
  executedSeconds: number | null;
  verifiedPauseSeconds: number | null;
  /** Every page sent during the drill and every answer (paging events on the timeline). */
  pages: { kind: string; seconds: number; who: string }[];
  checklist: { checked: number; total: number; skipped: { key: string; text: string }[] };
};

/**
 * The drill's score from its timeline: the time to acknowledge, to the first proposal, to each signature
 * (stand-ins marked), to threshold, to the execution and to the first passing verification after it (the
 * verified pause), who was paged and who answered, and the checklist steps left unchecked.
 */
export function computeDrillScore(input: DrillScoreInput): DrillScore {
  const t0 = input.startedAt.getTime();
  const after = (at: Date) => Math.max(0, Math.round((at.getTime() - t0) / 100) / 10);
  const events = [...input.events].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const first = (test: (e: DrillScoreInput["events"][number]) => boolean) => {
    const found = events.find(test);
    return found ? after(found.createdAt) : null;
  };
  const executed = events.find((e) => e.kind === "proposal.executed" && e.payload.isSuccess === true);
  const checks = new Map<string, boolean>();
  for (const e of events) {
    if (e.kind !== "checklist.item_checked") continue;
    checks.set(
      `${String(e.payload.incidentRunbookId)}:${String(e.payload.stepIndex)}`,
      e.payload.isChecked === true,
    );
  }
  const skipped = input.checklist.filter((item) => checks.get(item.key) !== true);
  return {
    acknowledgeSeconds: input.acknowledgedAt ? after(input.acknowledgedAt) : null,
    firstProposalSeconds: first((e) => e.kind === "proposal.created"),
    signatures: events
      .filter((e) => e.kind === "proposal.signed")
      .map((e) => ({
        owner: String(e.payload.owner),
        seconds: after(e.createdAt),
        isStandIn: e.payload.isStandIn === true,
      })),
    thresholdSeconds: first((e) => e.kind === "proposal.state_changed" && e.payload.to === "ready"),
    executedSeconds: executed ? after(executed.createdAt) : null,
    verifiedPauseSeconds: executed
      ? first(
          (e) =>
            e.kind === "verification.recorded" &&
            e.payload.isPassed === true &&
            e.createdAt.getTime() >= executed.createdAt.getTime(),
        )
      : null,
    pages: events
      .filter((e) => e.kind.startsWith("page.") || e.kind.startsWith("paging."))
      .map((e) => ({ kind: e.kind, seconds: after(e.createdAt), who: pageTarget(e.payload) })),
    checklist: { checked: input.checklist.length - skipped.length, total: input.checklist.length, skipped },
  };
}

function pageTarget(payload: Record<string, unknown>): string {
  for (const key of ["member", "target", "to", "by"]) {
    const value = payload[key];
    if (typeof value === "string") return value;
    if (value && typeof value === "object" && "name" in value)
      return String((value as { name: unknown }).name);
  }
  return "";
}

const seconds = (value: number | null) => (value === null ? "—" : `${value} s`);

/** One line for the timeline when the drill stops. */
export function formatScoreSummary(score: DrillScore): string {
  const real = score.signatures.filter((s) => !s.isStandIn).length;
  return [
    `acknowledged ${seconds(score.acknowledgeSeconds)}`,
    `first proposal ${seconds(score.firstProposalSeconds)}`,
    `threshold ${seconds(score.thresholdSeconds)}`,
    `verified pause ${seconds(score.verifiedPauseSeconds)}`,
    `${real} real / ${score.signatures.length - real} stand-in signatures`,
    `${score.checklist.checked}/${score.checklist.total} checklist steps`,
  ].join(", ");
}
