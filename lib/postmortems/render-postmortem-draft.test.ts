import { describe, expect, it } from "vitest";
import { formatDuration } from "../time";
import { computePostMortemDueAt, describeDue } from "./due-date";
import { DRAFT_PROMPTS, type DraftInput, renderPostMortemDraft } from "./render-postmortem-draft";
import type { DraftEvent } from "./summarize-timeline";

const T0 = new Date("2025-03-01T10:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function event(id: number, minutes: number, kind: string, payload: unknown, extra: Partial<DraftEvent> = {}) {
  return { id, kind, payload, authorLabel: "Bob Okafor", correctsId: null, createdAt: at(minutes), ...extra };
}

function input(events: DraftEvent[], explorerUrl: string | null = "https://explorer.example/"): DraftInput {
  return {
    incident: {
      ref: "INC-7",
      title: "Bridge | drain",
      severityName: "P1",
      detectedVia: "user_report",
      impact: "Bridge withdrawals",
      isDrill: false,
      declaredAt: T0,
      acknowledgedAt: at(4),
      containedAt: at(45),
      resolvedAt: at(135),
      commanderName: "Bob Okafor",
    },
    events,
    proposals: new Map([["p1", { title: "Pause the bridge", safeLabel: "Guardian Safe", explorerUrl }]]),
    dueAt: computePostMortemDueAt(at(135), null),
  };
}

const HASH = `0x${"ab".repeat(32)}`;

describe("renderPostMortemDraft", () => {
  const events: DraftEvent[] = [
    event(1, 0, "note.added", { markdown: "Withdrawals spiking\nsecond line" }),
    event(2, 1, "event.pinned", { eventId: 1 }),
    event(3, 2, "note.added", { markdown: "Pinned then unpinned" }),
    event(4, 3, "event.pinned", { eventId: 3 }),
    event(5, 4, "event.unpinned", { eventId: 3 }),
    event(6, 5, "event.corrected", { markdown: "Only withdrawals to L2" }, { correctsId: 1 }),
    event(7, 30, "proposal.executed", {
      proposalId: "p1",
      txHash: HASH,
      blockNumber: 1234,
      isSuccess: true,
      isReconciled: false,
    }),
    event(8, 31, "verification.recorded", {
      contract: "GlobalPauseRegistry",
      address: "0x0000000000000000000000000000000000000001",
      signature: "isGloballyPaused()(bool)",
      args: [],
      expected: "true",
      actual: "false",
      isPassed: false,
      blockNumber: "1235",
    }),
  ];

  it("renders the header with durations and the due date", () => {
    const text = renderPostMortemDraft(input(events));
    expect(text).toContain("# Post-mortem: INC-7 — Bridge | drain");
    expect(text).toContain("| Title | Bridge \\| drain |");
    expect(text).toContain("| Detected via | user report |");
    expect(text).toContain("| Acknowledged | 2025-03-01 10:04 UTC (4 min after declaration) |");
    expect(text).toContain("| Duration | 2 h 15 min |");
    expect(text).toContain("| Time to contain | 45 min |");
    expect(text).toContain("| Post-mortem due | 2025-03-03 12:15 UTC |");
  });

  it("highlights pinned events by their latest pin state and shows corrections under the event", () => {
    const text = renderPostMortemDraft(input(events));
    expect(text).toContain(
      "- 📌 **Pinned** · **10:00 UTC** — Note: Withdrawals spiking\n  second line — _Bob Okafor_\n  - ✏️ Corrected 2025-03-01 10:05 UTC by _Bob Okafor_: Only withdrawals to L2",
    );
    expect(text).toContain("- **10:02 UTC** — Note: Pinned then unpinned");
    expect(text).not.toContain("📌 **Pinned** · **10:02 UTC**");
    const keyEvents = text.slice(text.indexOf("### Key events"), text.indexOf("### 2025-03-01"));
    expect(keyEvents).toContain("Withdrawals spiking");
    expect(keyEvents).not.toContain("Pinned then unpinned");
  });

  it("links executed transactions to the explorer, or shows the hash when there is none", () => {
    const linked = renderPostMortemDraft(input(events));
    expect(linked).toContain(
      `**On-chain transaction executed**: Pause the bridge (Guardian Safe) — tx [\`${HASH}\`](https://explorer.example/tx/${HASH}), block 1234`,
    );
    expect(linked).toContain("### On-chain transactions");
    const bare = renderPostMortemDraft(input(events, null));
    expect(bare).toContain(`tx \`${HASH}\`, block 1234`);
    expect(bare).not.toContain("/tx/");
  });

  it("shows verification results with value, expected and verdict", () => {
    const text = renderPostMortemDraft(input(events));
    expect(text).toContain(
      "| 2025-03-01 10:31 UTC | GlobalPauseRegistry.isGloballyPaused()(bool) | false | true | ✗ FAIL | 1235 |",
    );
  });

  it("has the review sections of mpc-wallet.md", () => {
    const text = renderPostMortemDraft(input(events));
    for (const heading of [
      "## Timeline",
      "## Root cause",
      "## Impact",
      "## What went well",
      "## What went wrong",
      "## Action items",
    ])
      expect(text).toContain(`\n${heading}\n`);
    expect(text).toContain(DRAFT_PROMPTS.rootCause);
    expect(text).toContain("- **Users affected:**");
    expect(text).toContain("- **Funds at risk:**");
    expect(text).toContain("- **Data loss:**");
    expect(text).toContain("- **Duration:** 2 h 15 min");
  });

  it("is deterministic", () => {
    expect(renderPostMortemDraft(input(events))).toBe(renderPostMortemDraft(input([...events].reverse())));
  });
});

describe("due dates", () => {
  const resolvedAt = new Date("2025-03-01T12:00:00.000Z");
  it("defaults to 48 h and honours a level's allowance", () => {
    expect(computePostMortemDueAt(resolvedAt, undefined).toISOString()).toBe("2025-03-03T12:00:00.000Z");
    expect(computePostMortemDueAt(resolvedAt, 3600).toISOString()).toBe("2025-03-01T13:00:00.000Z");
  });
  it("counts down and then reports overdue", () => {
    const dueAt = computePostMortemDueAt(resolvedAt, null);
    expect(describeDue(dueAt, new Date("2025-03-03T11:00:00.000Z"))).toEqual({
      isOverdue: false,
      label: "due in 1 h",
    });
    expect(describeDue(dueAt, new Date("2025-03-03T14:30:00.000Z"))).toEqual({
      isOverdue: true,
      label: "overdue by 2 h 30 min",
    });
    expect(describeDue(dueAt, new Date("2025-03-01T12:01:00.000Z")).label).toBe("due in 47 h 59 min");
    expect(describeDue(dueAt, new Date("2025-04-01T00:00:00.000Z"), true).isOverdue).toBe(false);
  });
  it("formats durations", () => {
    expect(formatDuration(59_000)).toBe("59 s");
    expect(formatDuration(3 * 86_400_000 + 3_600_000)).toBe("3 d 1 h");
  });
});
