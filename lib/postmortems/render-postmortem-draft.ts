import { formatDuration, formatUtcDate, formatUtcDateTime, formatUtcTime } from "../time";
import { describeEvent, descriptionToMarkdown } from "../timeline";
import {
  type DraftEvent,
  formatTxReference,
  type ProposalInfo,
  summarizeTimeline,
  type TimelineEntry,
  verdict,
} from "./summarize-timeline";

export type DraftIncident = {
  ref: string;
  title: string;
  severityName: string;
  detectedVia: string;
  impact: string;
  isDrill: boolean;
  declaredAt: Date;
  acknowledgedAt: Date | null;
  containedAt: Date | null;
  resolvedAt: Date;
  commanderName: string | null;
};

export type DraftInput = {
  incident: DraftIncident;
  events: DraftEvent[];
  proposals: Map<string, ProposalInfo>;
  dueAt: Date;
};

/** The prompts authors replace; the editor and tests find sections by them. */
export const DRAFT_PROMPTS = {
  rootCause: "_What actually caused the incident?_",
  wentWell: "_Effective actions taken._",
  wentWrong: "_Gaps in process or tools._",
  toFill: "_to fill in_",
} as const;

/**
 * The first draft of a post-mortem, in Markdown, from the incident and its timeline: the header, the
 * timeline (pinned events highlighted, corrections under what they correct, on-chain transactions and
 * verifications also as tables) and the review sections of mpc-wallet.md's "Post-Incident Review".
 * Pure: the same input gives the same text.
 */
export function renderPostMortemDraft(input: DraftInput): string {
  const { incident } = input;
  const entries = summarizeTimeline(input.events);
  const lines: string[] = [
    `# Post-mortem: ${incident.ref} — ${incident.title}`,
    "",
    `> Drafted by Breakglass from the incident timeline. Review due ${formatUtcDateTime(input.dueAt)}.`,
    ...(incident.isDrill ? ["> This incident was a **drill**."] : []),
    "",
    ...renderHeader(input),
    "",
    "## Timeline",
    "",
    "All times UTC. 📌 marks events pinned during the incident.",
    "",
    ...renderKeyEvents(entries, input.proposals),
    ...renderEntriesByDay(entries, input.proposals),
    ...renderTransactions(entries, input.proposals),
    ...renderVerifications(entries),
    "## Root cause",
    "",
    DRAFT_PROMPTS.rootCause,
    "",
    "## Impact",
    "",
    `- **Users affected:** ${DRAFT_PROMPTS.toFill}`,
    `- **Duration:** ${formatDuration(incident.resolvedAt.getTime() - incident.declaredAt.getTime())}`,
    `- **Funds at risk:** ${DRAFT_PROMPTS.toFill}`,
    `- **Data loss:** ${DRAFT_PROMPTS.toFill}`,
    ...(incident.impact.trim()
      ? ["", `Impact as recorded during the incident: ${incident.impact.trim()}`]
      : []),
    "",
    "## What went well",
    "",
    DRAFT_PROMPTS.wentWell,
    "",
    "## What went wrong",
    "",
    DRAFT_PROMPTS.wentWrong,
    "",
    "## Action items",
    "",
    "_Tracked in Breakglass with an owner, a due date and a status (listed in the export). Think of: code fixes, monitoring improvements, documentation updates, runbook updates._",
    "",
  ];
  return lines.join("\n");
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

function since(from: Date, to: Date | null): string {
  if (!to) return "not recorded";
  return `${formatUtcDateTime(to)} (${formatDuration(to.getTime() - from.getTime())} after declaration)`;
}

function renderHeader({ incident, dueAt }: DraftInput): string[] {
  const start = incident.declaredAt;
  const rows: [string, string][] = [
    ["Incident", incident.ref],
    ["Title", incident.title],
    ["Severity", incident.severityName],
    ["Started (declared)", formatUtcDateTime(start)],
    ["Detected via", incident.detectedVia.replace("_", " ")],
    ["Acknowledged", since(start, incident.acknowledgedAt)],
    ["Contained", since(start, incident.containedAt)],
    ["Resolved", since(start, incident.resolvedAt)],
    ["Duration", formatDuration(incident.resolvedAt.getTime() - start.getTime())],
    [
      "Time to contain",
      incident.containedAt
        ? formatDuration(incident.containedAt.getTime() - start.getTime())
        : "not recorded",
    ],
    ["Commander", incident.commanderName ?? "not assigned"],
    ["Post-mortem due", formatUtcDateTime(dueAt)],
  ];
  return ["| | |", "| --- | --- |", ...rows.map(([key, value]) => `| ${key} | ${cell(value)} |`)];
}

/** A list item; continuation lines of multi-line texts (notes) are indented to stay inside it. */
function item(text: string, indent = ""): string {
  const [first, ...rest] = text.split("\n");
  return [`${indent}- ${first}`, ...rest.map((line) => (line ? `${indent}  ${line}` : ""))].join("\n");
}

function entryLine(entry: TimelineEntry, proposals: Map<string, ProposalInfo>, withDate: boolean): string {
  const at = withDate ? formatUtcDateTime(entry.event.createdAt) : formatUtcTime(entry.event.createdAt);
  const pin = entry.isPinned ? "📌 **Pinned** · " : "";
  const lines = [
    item(
      `${pin}**${at}** — ${descriptionToMarkdown(describeEvent(entry.event, { proposals }))} — _${entry.event.authorLabel}_`,
    ),
  ];
  for (const correction of entry.corrections) {
    lines.push(
      item(
        `✏️ Corrected ${formatUtcDateTime(correction.at)} by _${correction.authorLabel}_: ${correction.markdown}`,
        "  ",
      ),
    );
  }
  return lines.join("\n");
}

function renderKeyEvents(entries: TimelineEntry[], proposals: Map<string, ProposalInfo>): string[] {
  const pinned = entries.filter((entry) => entry.isPinned);
  if (pinned.length === 0) return [];
  return ["### Key events", "", ...pinned.map((entry) => entryLine(entry, proposals, true)), ""];
}

function renderEntriesByDay(entries: TimelineEntry[], proposals: Map<string, ProposalInfo>): string[] {
  if (entries.length === 0) return ["_No events were recorded._", ""];
  const lines: string[] = [];
  let day = "";
  for (const entry of entries) {
    const entryDay = formatUtcDate(entry.event.createdAt);
    if (entryDay !== day) {
      if (day) lines.push("");
      lines.push(`### ${entryDay}`, "");
      day = entryDay;
    }
    lines.push(entryLine(entry, proposals, false));
  }
  return [...lines, ""];
}

function renderTransactions(entries: TimelineEntry[], proposals: Map<string, ProposalInfo>): string[] {
  const executed = entries.filter((entry) => entry.event.kind === "proposal.executed");
  if (executed.length === 0) return [];
  const rows = executed.map(({ event }) => {
    const p = event.payload as {
      proposalId: string;
      txHash: string;
      blockNumber: number;
      isSuccess: boolean;
    };
    const info = proposals.get(p.proposalId);
    const what = info ? `${info.title} (${info.safeLabel})` : "Safe transaction";
    return `| ${formatUtcDateTime(event.createdAt)} | ${cell(what)} | ${formatTxReference(p.txHash, info?.explorerUrl ?? null)} | ${p.blockNumber} | ${p.isSuccess ? "executed" : "failed"} |`;
  });
  return [
    "### On-chain transactions",
    "",
    "| Time | Call | Transaction | Block | Result |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
  ];
}

function renderVerifications(entries: TimelineEntry[]): string[] {
  const verifications = entries.filter((entry) => entry.event.kind === "verification.recorded");
  if (verifications.length === 0) return [];
  const rows = verifications.map(({ event }) => {
    const p = event.payload as {
      contract: string;
      signature: string;
      args: string[];
      expected: string | null;
      actual: string;
      isPassed: boolean | null;
      blockNumber: string;
    };
    const call = `${p.contract}.${p.signature}${p.args.length ? ` (${p.args.join(", ")})` : ""}`;
    return `| ${formatUtcDateTime(event.createdAt)} | ${cell(call)} | ${cell(p.actual)} | ${p.expected === null ? "—" : cell(p.expected)} | ${verdict(p.isPassed)} | ${p.blockNumber} |`;
  });
  return [
    "### Verifications",
    "",
    "| Time | Read | Value | Expected | Result | Block |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
  ];
}
