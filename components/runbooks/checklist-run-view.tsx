import Link from "next/link";
import { UtcTime } from "@/components/incidents/utc-time";
import type { IncidentRunbookView, RunStepView } from "@/lib/runbooks";
import { redactCommand } from "@/lib/timeline/browser";
import { ChecklistItemToggle } from "./checklist-item-toggle";
import { MarkContainedButton } from "./mark-contained-button";
import { StepProposalState } from "./step-proposal-state";

/** What a step needs to know of its incident: proposing stops once resolved; containment is offered once. */
export type RunIncidentState = { isResolved: boolean; isContained: boolean; canCommand: boolean };

const PAUSE_LIKE = /pause/i;
const UNPAUSE = /unpause/i;

import { RunCheckButton } from "./run-check-button";
import { RunbookStepView } from "./runbook-step-view";

function stepLabel(item: RunStepView): string {
  const written = redactCommand(item.step.text);
  const text = item.step.kind === "check" ? written : `${item.step.kind} step ${item.index + 1}: ${written}`;
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

function StepExtras({
  item,
  run,
  incidentRef,
  canAct,
  incident,
}: {
  item: RunStepView;
  run: IncidentRunbookView;
  incidentRef: string;
  canAct: boolean;
  incident: RunIncidentState;
}) {
  const action = item.action;
  const proposal = action?.proposal ?? null;
  const isVerifiedPause =
    proposal?.isVerified === true &&
    proposal.state === "executed" &&
    PAUSE_LIKE.test(action?.signature ?? "") &&
    !UNPAUSE.test(action?.signature ?? "");
  return (
    <div className="flex flex-col items-start gap-1 text-xs sm:items-end">
      {item.check?.isChecked ? (
        <span className="text-emerald-300" data-testid="checked-by">
          ✓ {item.check.by} · <UtcTime at={item.check.at} />
        </span>
      ) : !item.check && item.isDone ? (
        <span className="text-emerald-300" data-testid="proven-on-chain">
          ✓ verified on chain
        </span>
      ) : item.check ? (
        <span className="text-zinc-500">
          unticked by {item.check.by} · <UtcTime at={item.check.at} />
        </span>
      ) : null}
      {item.step.kind === "verify" ? (
        <>
          {canAct && action?.contract ? (
            <RunCheckButton
              incidentRef={incidentRef}
              runId={run.id}
              stepIndex={item.index}
              label={`Run check ${action.signature ?? ""}${action.expect ? ` (expect ${action.expect})` : ""}`}
            />
          ) : null}
          {item.verification ? (
            <span
              data-testid="verification-result"
              className={
                item.verification.isPassed === false
                  ? "text-red-300"
                  : item.verification.isPassed
                    ? "text-emerald-300"
                    : "text-zinc-300"
              }
            >
              Value <code className="font-mono font-semibold">{item.verification.actual}</code>
              {item.verification.isPassed === null
                ? ""
                : item.verification.isPassed
                  ? ` · PASS (expected ${item.verification.expected})`
                  : ` · FAIL (expected ${item.verification.expected})`}{" "}
              · block {item.verification.blockNumber} · <UtcTime at={item.verification.at} />
            </span>
          ) : null}
        </>
      ) : null}
      {proposal ? <StepProposalState proposal={proposal} /> : null}
      {isVerifiedPause && !incident.isContained && !incident.isResolved && canAct ? (
        <MarkContainedButton incidentRef={incidentRef} proposalId={proposal!.id} title={proposal!.title} />
      ) : null}
      {item.step.kind === "action" && action && incident.isResolved && action.proposalHref ? (
        <span className="text-zinc-500">Resolved: reopen the incident to propose.</span>
      ) : item.step.kind === "action" && action && proposal && action.proposalHref ? (
        // Already proposed or executed: a second one is a deliberate, commander-only act (the server asks why).
        incident.canCommand ? (
          <Link href={action.proposalHref} className="text-zinc-400 underline hover:text-zinc-200">
            Propose again (override)…
          </Link>
        ) : null
      ) : item.step.kind === "action" && action ? (
        action.proposalHref ? (
          <span className="flex flex-col items-start gap-0.5 sm:items-end">
            <Link
              href={action.proposalHref}
              className="rounded bg-amber-500 px-2 py-1 font-semibold text-zinc-950 hover:bg-amber-400"
            >
              Propose as Safe transaction
            </Link>
            <span className="text-zinc-400">
              {action.suggestedSafe
                ? `via ${action.suggestedSafe.label}${action.role ? ` (holds ${action.role})` : ""}`
                : action.role
                  ? `no registry Safe holds ${action.role}`
                  : "choose the Safe on the form"}
              {action.unresolvedArgs.length ? ` · fill in ${action.unresolvedArgs.join(", ")}` : ""}
            </span>
          </span>
        ) : action.kind === "send" && !action.contract ? (
          <Link href="/settings/runbook-bindings" className="text-amber-300 hover:underline">
            Bind {action.target} to propose
          </Link>
        ) : null
      ) : null}
      {item.step.kind === "verify" && action && !action.contract ? (
        <Link href="/settings/runbook-bindings" className="text-amber-300 hover:underline">
          Bind {action.target} to run the check
        </Link>
      ) : null}
    </div>
  );
}

/** One attached runbook section as a checklist run. */
export function ChecklistRunView({
  run,
  incidentRef,
  canAct,
  incident,
}: {
  run: IncidentRunbookView;
  incidentRef: string;
  canAct: boolean;
  incident: RunIncidentState;
}) {
  return (
    <article aria-label={`Runbook ${run.title}`} className="rounded border border-zinc-800 bg-zinc-900/40">
      <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-zinc-800 p-3">
        <div>
          <h3 className="font-semibold">{run.title}</h3>
          <p className="text-xs text-zinc-400">
            <Link
              href={`/runbooks/${run.document.id}?version=${run.version.version}#${run.anchor}`}
              className="hover:underline"
            >
              {run.document.title} v{run.version.version}
            </Link>
            {run.version.latest > run.version.version
              ? ` · kept at v${run.version.version} (v${run.version.latest} is newer)`
              : ""}
          </p>
        </div>
        <span className="text-sm tabular-nums text-zinc-300" data-testid="checklist-progress">
          {run.progress.checked}/{run.progress.total} done
        </span>
      </header>
      <ol className="divide-y divide-zinc-800">
        {run.steps.map((item, position) => {
          const isNewSection =
            position === 0 || run.steps[position - 1]!.section.anchor !== item.section.anchor;
          return (
            <li key={item.index} className="p-2">
              {isNewSection && item.section.anchor !== run.anchor ? (
                <h4 className="mb-1 text-sm font-semibold text-zinc-300">{item.section.title}</h4>
              ) : null}
              {/* The step and its state side by side when the column is wide enough; otherwise the state
                  wraps below the step (in the war room's side column the two overlapped). */}
              <div className="flex flex-wrap items-start gap-2">
                <div className="w-6 shrink-0">
                  {item.isCheckable ? (
                    <ChecklistItemToggle
                      incidentRef={incidentRef}
                      runId={run.id}
                      stepIndex={item.index}
                      isChecked={item.isDone}
                      stateEventId={item.check?.eventId ?? null}
                      label={stepLabel(item)}
                      canAct={canAct}
                    />
                  ) : null}
                </div>
                <div className="min-w-56 flex-1 basis-0">
                  <RunbookStepView
                    step={item.step}
                    action={item.action?.definition}
                    contract={item.action?.contract ?? null}
                  />
                </div>
                <StepExtras
                  item={item}
                  run={run}
                  incidentRef={incidentRef}
                  canAct={canAct}
                  incident={incident}
                />
              </div>
            </li>
          );
        })}
      </ol>
    </article>
  );
}
