import { db } from "../db/client";
import { collectPlaceholders } from "./collect-placeholders";
import { type DbLike, findBoundContracts } from "./find-bound-contracts";
import { parseRunbook } from "./parse-runbook";
import { requireRunbookSections } from "./require-runbook-sections";
import { runbookSlug, runbookTitle } from "./runbook-slug";
import type { ParsedRunbook, RunbookStep } from "./schemas";
import { sha256Hex } from "./sha256-hex";

export type StepCounts = Record<RunbookStep["kind"], number>;

/** What the import screen shows before anything is saved: what the parser recognised, and what it binds to. */
export type RunbookPreview = {
  title: string;
  slug: string;
  sha256: string;
  isMojibakeRepaired: boolean;
  existing: { documentId: string; latestVersion: number; isIdentical: boolean } | null;
  totals: StepCounts;
  sections: {
    anchor: string;
    title: string;
    level: number;
    severity: string | null;
    who: string | null;
    counts: StepCounts;
  }[];
  actions: {
    index: number;
    kind: "send" | "call";
    target: string;
    signature: string | null;
    signatureAsWritten: string | null;
    selector: string | null;
    returns: string[];
    args: string[];
    value: string | null;
    expect: string | null;
    runbook: string | null;
    /** Read from prose or a script rather than a cast command: the reviewer confirms function and target. */
    isInferred: boolean;
  }[];
  severityLevels: { name: string; label: string | null; responseTime: string | null }[];
  alertRoutes: { alert: string; runbook: string; severity: string | null; condition: string | null }[];
  templates: { name: string; runbook: string | null }[];
  placeholders: {
    placeholder: string;
    actionCount: number;
    contract: { id: string; name: string; address: string; chainId: number } | null;
  }[];
};

export function countSteps(steps: readonly RunbookStep[]): StepCounts {
  const counts: StepCounts = { check: 0, action: 0, verify: 0, command: 0, wait: 0, note: 0 };
  for (const step of steps) counts[step.kind]++;
  return counts;
}

export async function buildRunbookPreview(
  prisma: DbLike,
  options: { text: string; parsed: ParsedRunbook; fileName?: string | null },
): Promise<RunbookPreview> {
  const { parsed } = options;
  const title = runbookTitle(parsed.title, options.fileName);
  const slug = runbookSlug(title);
  const sha256 = sha256Hex(options.text);
  const document = await prisma.runbookDocument.findUnique({
    where: { slug },
    include: { versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, sha256: true } } },
  });
  const latest = document?.versions[0];
  const uses = collectPlaceholders(parsed);
  const bound = await findBoundContracts(
    prisma,
    uses.map((use) => use.placeholder),
  );
  return {
    title,
    slug,
    sha256,
    isMojibakeRepaired: parsed.isMojibakeRepaired,
    existing:
      document && latest
        ? { documentId: document.id, latestVersion: latest.version, isIdentical: latest.sha256 === sha256 }
        : null,
    totals: countSteps(parsed.runbooks.flatMap((section) => section.steps)),
    sections: parsed.runbooks.map((section) => ({
      anchor: section.anchor,
      title: section.title,
      level: section.level,
      severity: section.severity,
      who: section.who,
      counts: countSteps(section.steps),
    })),
    actions: parsed.actions.map((action, index) => ({
      index,
      kind: action.kind,
      target: action.target,
      signature: action.signature,
      signatureAsWritten: action.signatureAsWritten,
      selector: action.selector,
      returns: action.returns,
      args: action.args,
      value: action.value,
      expect: action.expect,
      runbook: action.runbook,
      isInferred: action.isInferred === true,
    })),
    severityLevels: parsed.severityLevels.map(({ name, label, responseTime }) => ({
      name,
      label,
      responseTime,
    })),
    alertRoutes: parsed.alertRoutes.map(({ alert, runbook, severity, condition }) => ({
      alert,
      runbook,
      severity,
      condition,
    })),
    templates: parsed.templates.map(({ name, runbook }) => ({ name, runbook })),
    placeholders: uses.map((use) => {
      const contract = bound.get(use.placeholder);
      return {
        placeholder: use.placeholder,
        actionCount: use.actionIndexes.length,
        contract: contract
          ? { id: contract.id, name: contract.name, address: contract.address, chainId: contract.chainId }
          : null,
      };
    }),
  };
}

/** Parses a runbook and describes it, storing nothing. */
export async function previewRunbook(options: { text: string; fileName?: string | null }) {
  const parsed = parseRunbook(options.text);
  requireRunbookSections(parsed);
  return buildRunbookPreview(db(), { ...options, parsed });
}
