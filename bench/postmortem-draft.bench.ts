import { mergeTexts, renderPostMortemDraft } from "../lib/postmortems";
import type { DraftEvent } from "../lib/postmortems/summarize-timeline";
import { type BenchOptions, type BenchResult, round } from "./types";

const T0 = Date.UTC(2025, 0, 1);

/** A long incident: 5,000 events (notes, pins, corrections, checklist ticks, verifications). */
function longTimeline(count: number): DraftEvent[] {
  const events: DraftEvent[] = [];
  for (let id = 1; id <= count; id++) {
    const createdAt = new Date(T0 + id * 20_000);
    const kind = id % 10 === 0 ? "event.pinned" : id % 7 === 0 ? "verification.recorded" : "note.added";
    const payload =
      kind === "event.pinned"
        ? { eventId: id - 1 }
        : kind === "verification.recorded"
          ? {
              contract: "GlobalPauseRegistry",
              address: "0x0000000000000000000000000000000000000001",
              signature: "isGloballyPaused()(bool)",
              args: [],
              expected: "true",
              actual: "true",
              isPassed: true,
              blockNumber: String(id),
            }
          : { markdown: `Observation ${id}: outflows still elevated on the bridge` };
    events.push({ id, kind, payload, authorLabel: "Bob Okafor", correctsId: null, createdAt });
  }
  return events;
}

function median(run: () => void, runs: number): number {
  const timings: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    run();
    timings.push(performance.now() - start);
  }
  timings.sort((a, b) => a - b);
  return timings[Math.floor(timings.length / 2)]!;
}

/**
 * Drafting runs inside the resolve transaction (it holds the incident's row lock): a 5,000-event incident
 * must draft in well under a second. The conflict view's three-way merge runs in the browser on every
 * conflict: a 2,000-line post-mortem edited in two places must merge without a visible pause.
 */
export async function benchPostmortemDraft({ quick }: BenchOptions): Promise<BenchResult[]> {
  const events = longTimeline(5_000);
  const input = {
    incident: {
      ref: "INC-1",
      title: "Long incident",
      severityName: "P1",
      detectedVia: "alert",
      impact: "",
      isDrill: false,
      declaredAt: new Date(T0),
      acknowledgedAt: new Date(T0 + 60_000),
      containedAt: new Date(T0 + 3_600_000),
      resolvedAt: new Date(T0 + 5_001 * 20_000),
      commanderName: "Bob Okafor",
    },
    events,
    proposals: new Map(),
    dueAt: new Date(T0 + 5_001 * 20_000 + 172_800_000),
  };
  const runs = quick ? 5 : 15;
  renderPostMortemDraft(input);
  const draft = median(() => renderPostMortemDraft(input), runs);
  const base = Array.from({ length: 2_000 }, (_, index) => `Line ${index} of the review`).join("\n");
  const mine = base.replace("Line 100 of", "Line 100 (mine) of");
  const theirs = base.replace("Line 1900 of", "Line 1900 (theirs) of");
  const merge = median(() => mergeTexts(base, mine, theirs), runs);
  return [
    {
      name: "post-mortem draft, 5k events (median)",
      value: round(draft),
      unit: "ms",
      target: "< 250",
      isMet: draft < 250,
    },
    {
      name: "three-way merge, 2k lines (median)",
      value: round(merge),
      unit: "ms",
      target: "< 100",
      isMet: merge < 100,
    },
  ];
}
