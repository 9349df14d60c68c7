import { db } from "../db/client";
import type { ParsedRunbook } from "../runbooks";
import { isPauseLike } from "./is-pause-like";

export type KitSource = {
  /** `<runbookVersionId>:<anchor>:<actionIndex>`, what POST /api/kits takes as `runbook`. */
  ref: string;
  label: string;
  section: string;
  signature: string;
  isPauseLike: boolean;
};

/**
 * The `cast send` actions of each runbook's latest version that a kit can be made from, pause-like first:
 * a kit is what a team would pre-sign, and the runbook already says which call stops the protocol.
 */
export async function listKitSources(): Promise<KitSource[]> {
  const documents = await db().runbookDocument.findMany({
    orderBy: { title: "asc" },
    include: { versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, parsed: true } } },
  });
  const sources: KitSource[] = [];
  for (const document of documents) {
    const latest = document.versions[0];
    if (!latest) continue;
    const parsed = latest.parsed as ParsedRunbook;
    const titles = new Map((parsed.runbooks ?? []).map((section) => [section.anchor, section.title]));
    for (const section of parsed.runbooks ?? []) {
      // "Global Protocol Pause › Pause (Guardian Safe)": an H3 alone rarely says what it pauses.
      const parent = section.parent ? titles.get(section.parent) : undefined;
      const where = parent ? `${parent} › ${section.title}` : section.title;
      for (const step of section.steps) {
        if (step.kind !== "action") continue;
        const action = parsed.actions[step.actionIndex];
        if (action?.kind !== "send" || !action.signature) continue;
        const functionName = action.signature.slice(0, action.signature.indexOf("("));
        sources.push({
          ref: `${latest.id}:${section.anchor}:${step.actionIndex}`,
          label: `${document.title} — ${where}: ${action.signature} on ${action.target}`,
          section: where,
          signature: action.signature,
          isPauseLike: isPauseLike([{ functionName }]),
        });
      }
    }
  }
  return sources.sort((a, b) => Number(b.isPauseLike) - Number(a.isPauseLike));
}
