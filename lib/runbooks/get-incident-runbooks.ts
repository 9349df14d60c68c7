import { db } from "../db/client";
import { buildProposalHref } from "./build-proposal-href";
import { collectSectionSteps, isCheckableStep } from "./collect-section-steps";
import {
  type CheckState,
  latestChecks,
  latestVerifications,
  type VerificationResult,
} from "./read-checklist-state";
import { readStepProposals, type StepProposal } from "./read-step-proposals";
import { resolveRunbookAction } from "./resolve-runbook-action";
import type { ContractAction, ParsedRunbook, RunbookStep } from "./schemas";

export type RunStepView = {
  index: number;
  section: { anchor: string; title: string; level: number };
  step: RunbookStep;
  isCheckable: boolean;
  check: CheckState | null;
  action: {
    /** The action as parsed (signature, selector, args as written). */
    definition: ContractAction;
    index: number;
    kind: ContractAction["kind"];
    target: string;
    signature: string | null;
    selector: string | null;
    expect: string | null;
    contract: { id: string; name: string; address: string } | null;
    suggestedSafe: { id: string; label: string } | null;
    role: string | null;
    unresolvedArgs: string[];
    proposalHref: string | null;
    /** The proposal made from this step on this incident, followed to the chain. */
    proposal: StepProposal | null;
  } | null;
  verification: VerificationResult | null;
  /** Ticked by a responder, or proven on chain: its proposal executed and verified / its read passed. */
  isDone: boolean;
};

export type IncidentRunbookView = {
  id: string;
  anchor: string;
  title: string;
  document: { id: string; title: string };
  version: { id: string; version: number; latest: number };
  attachedAt: Date;
  steps: RunStepView[];
  progress: { checked: number; total: number };
};

/**
 * The runbooks attached to an incident as checklist runs: each step with its latest tick (who, when), its
 * latest verification result, and for actions the resolved contract, the Safe holding the role, and the
 * link to the proposal form. Everything is derived from the database and the chain at read time.
 */
export async function getIncidentRunbooks(incident: {
  id: string;
  ref: string;
}): Promise<IncidentRunbookView[]> {
  const stepProposals = await readStepProposals(incident.id);
  const runs = await db().incidentRunbook.findMany({
    where: { incidentId: incident.id },
    orderBy: { createdAt: "asc" },
    include: { version: { include: { document: { select: { id: true, title: true } } } } },
  });
  if (runs.length === 0) return [];
  const [checks, verifications, latest, fork] = await Promise.all([
    latestChecks(
      db(),
      incident.id,
      runs.map((run) => run.id),
    ),
    latestVerifications(db(), incident.id),
    db().runbookVersion.groupBy({
      by: ["documentId"],
      where: { documentId: { in: runs.map((run) => run.version.documentId) } },
      _max: { version: true },
    }),
    // A drill's actions resolve to the contracts and Safes of its fork.
    db().drill.findUnique({
      where: { incidentId: incident.id },
      select: { sourceChainId: true, forkChainId: true },
    }),
  ]);
  const latestByDocument = new Map(latest.map((row) => [row.documentId, row._max.version ?? 0]));
  return Promise.all(
    runs.map(async (run) => {
      const parsed = run.version.parsed as ParsedRunbook;
      const steps = await Promise.all(
        collectSectionSteps(parsed, run.anchor).map(
          async ({ index, section, step }): Promise<RunStepView> => {
            const key = `${run.id}:${index}`;
            const action =
              step.kind === "action" || step.kind === "verify" ? parsed.actions[step.actionIndex] : undefined;
            let actionView: RunStepView["action"] = null;
            let verification = verifications.get(key) ?? null;
            if (action && (step.kind === "action" || step.kind === "verify")) {
              const resolved = await resolveRunbookAction(action, {
                who: step.kind === "action" ? section.who : null,
                fork,
              });
              const sourceKey = `${run.versionId}:${action.runbook ?? section.anchor}:${step.actionIndex}`;
              if (step.kind === "verify" && !verification && resolved.contract && action.signature)
                verification =
                  stepProposals.byRead.get(
                    `${resolved.contract.address.toLowerCase()}|${action.signature}(${action.returns.join(",")})`,
                  ) ?? null;
              actionView = {
                proposal: step.kind === "action" ? (stepProposals.byStep.get(sourceKey) ?? null) : null,
                definition: action,
                index: step.actionIndex,
                kind: action.kind,
                target: action.target,
                signature: action.signature,
                selector: action.selector,
                expect: step.kind === "verify" ? (step.expect ?? action.expect) : null,
                contract: resolved.contract
                  ? {
                      id: resolved.contract.id,
                      name: resolved.contract.name,
                      address: resolved.contract.address,
                    }
                  : null,
                suggestedSafe: resolved.suggestedSafe
                  ? { id: resolved.suggestedSafe.id, label: resolved.suggestedSafe.label }
                  : null,
                role: resolved.role?.name ?? null,
                unresolvedArgs: resolved.unresolvedArgs.map((arg) => arg.asWritten),
                proposalHref:
                  action.kind === "send" && resolved.contract
                    ? buildProposalHref({
                        incidentRef: incident.ref,
                        contractId: resolved.contract.id,
                        signature: action.signature,
                        args: resolved.args,
                        value: resolved.value,
                        safeId: resolved.suggestedSafe?.id ?? null,
                        versionId: run.versionId,
                        anchor: action.runbook ?? section.anchor,
                        actionIndex: step.actionIndex,
                      })
                    : null,
              };
            }
            const check = checks.get(key) ?? null;
            const isProven =
              (actionView?.proposal?.state === "executed" && actionView.proposal.isVerified === true) ||
              (step.kind === "verify" && verification?.isPassed === true);
            return {
              index,
              section,
              step,
              isCheckable: isCheckableStep(step),
              check,
              action: actionView,
              verification,
              isDone: check ? check.isChecked : isProven,
            };
          },
        ),
      );
      const checkable = steps.filter((step) => step.isCheckable);
      return {
        id: run.id,
        anchor: run.anchor,
        title: run.title,
        document: run.version.document,
        version: {
          id: run.versionId,
          version: run.version.version,
          latest: latestByDocument.get(run.version.documentId) ?? run.version.version,
        },
        attachedAt: run.createdAt,
        steps,
        progress: {
          checked: checkable.filter((step) => step.isDone).length,
          total: checkable.length,
        },
      };
    }),
  );
}
