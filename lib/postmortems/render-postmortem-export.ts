import { formatUtcDate, formatUtcDateTime } from "../time";

export type ExportActionItem = {
  title: string;
  ownerName: string | null;
  dueAt: Date | null;
  status: string;
  runbookTitle: string | null;
};

export type ExportInput = {
  incidentRef: string;
  body: string;
  version: number;
  status: string;
  dueAt: Date;
  approvedByName: string | null;
  publishedAt: Date | null;
  actionItems: ExportActionItem[];
};

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

const STATUS_LABEL: Record<string, string> = {
  draft: "draft",
  in_review: "in review",
  published: "published",
  open: "open",
  in_progress: "in progress",
  done: "done",
  wont_do: "won't do",
};

/**
 * The downloadable Markdown: the post-mortem as written, then the tracked action items and the approval.
 * Pure and without an "exported at" time, so the same post-mortem always exports to the same bytes.
 */
export function renderPostMortemExport(input: ExportInput): string {
  const items =
    input.actionItems.length === 0
      ? ["_No action items are tracked._"]
      : [
          "| Action | Owner | Due | Status | Runbook |",
          "| --- | --- | --- | --- | --- |",
          ...input.actionItems.map(
            (item) =>
              `| ${cell(item.title)} | ${cell(item.ownerName ?? "unassigned")} | ${item.dueAt ? formatUtcDate(item.dueAt) : "—"} | ${STATUS_LABEL[item.status] ?? item.status} | ${item.runbookTitle ? cell(item.runbookTitle) : "—"} |`,
          ),
        ];
  const approval =
    input.status === "published" && input.publishedAt
      ? `Published ${formatUtcDateTime(input.publishedAt)}, approved by ${input.approvedByName ?? "unknown"}.`
      : `Status: ${STATUS_LABEL[input.status] ?? input.status}; due ${formatUtcDateTime(input.dueAt)}.`;
  return [
    input.body.trimEnd(),
    "",
    "---",
    "",
    "## Tracked action items",
    "",
    ...items,
    "",
    `_${input.incidentRef} post-mortem, version ${input.version}. ${approval}_`,
    "",
  ].join("\n");
}
