import { db } from "../db/client";

export type ActionItemOptions = {
  members: { id: string; label: string }[];
  runbooks: { id: string; label: string }[];
};

/** What an action item can point at: members as owners, runbook documents for "runbook update" items. */
export async function listActionItemOptions(): Promise<ActionItemOptions> {
  const [members, runbooks] = await Promise.all([
    db().member.findMany({ orderBy: { displayName: "asc" }, select: { id: true, displayName: true } }),
    db().runbookDocument.findMany({ orderBy: { title: "asc" }, select: { id: true, title: true } }),
  ]);
  return {
    members: members.map((member) => ({ id: member.id, label: member.displayName })),
    runbooks: runbooks.map((runbook) => ({ id: runbook.id, label: runbook.title })),
  };
}
