import type { ContractAction, RunbookStep } from "@/lib/runbooks";
import { formatWait } from "@/lib/time";
import { redactCommand } from "@/lib/timeline/browser";
import { CopyButton } from "./copy-button";
import { InlineMarkdown } from "./inline-markdown";
import { StepKindBadge } from "./step-kind-badge";

export type BoundContract = { id: string; name: string; address: string } | null;

/** A contract action or read: the canonical signature, its selector, the target and what it is bound to. */
export function ActionSummary({ action, contract }: { action: ContractAction; contract: BoundContract }) {
  return (
    <div className="mt-1 space-y-1 text-sm">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <code className="font-mono font-semibold text-zinc-100" data-testid="action-signature">
          {action.signature ?? (action.isInferred ? action.signatureAsWritten : null) ?? "(plain transfer)"}
        </code>
        {action.isInferred ? (
          <span
            className="rounded bg-amber-900/60 px-1.5 text-xs text-amber-200"
            title="Read from prose or a script, not a cast command: confirm the function and the contract"
          >
            inferred
          </span>
        ) : null}
        {action.selector ? (
          <code className="rounded bg-zinc-800 px-1 font-mono text-xs text-zinc-300" title="4-byte selector">
            {action.selector}
          </code>
        ) : null}
        {action.returns.length ? (
          <span className="font-mono text-xs text-zinc-400">→ ({action.returns.join(", ")})</span>
        ) : null}
      </p>
      <p className="text-xs text-zinc-400">
        on <code className="font-mono text-zinc-200">{action.target}</code>{" "}
        {contract ? (
          <span className="text-emerald-300">
            = {contract.name} <span className="font-mono">{contract.address}</span>
          </span>
        ) : (
          <span className="text-amber-300">not bound to a registry contract</span>
        )}
        {action.args.length ? (
          <>
            {" "}
            · args <code className="font-mono text-zinc-200">{action.args.join(", ")}</code>
          </>
        ) : null}
        {action.value ? <> · value {action.value}</> : null}
      </p>
    </div>
  );
}

/**
 * One runbook step as written, by kind. Used by the library (read only) and inside the incident checklist
 * (which adds the tick, the check button and the proposal link around it).
 */
export function RunbookStepView({
  step,
  action,
  contract,
}: {
  step: RunbookStep;
  action?: ContractAction;
  contract?: BoundContract;
}) {
  const code = "command" in step && step.command ? step.command : null;
  return (
    <div className="flex min-w-0 items-start gap-2">
      <StepKindBadge kind={step.kind} />
      <div className="min-w-0 flex-1">
        {step.comment ? <p className="text-xs text-zinc-400"># {step.comment}</p> : null}
        {step.kind === "action" || step.kind === "verify" ? (
          <>
            {action ? <ActionSummary action={action} contract={contract ?? null} /> : null}
            {step.kind === "verify" && (step.expect ?? action?.expect) ? (
              <p className="text-xs text-zinc-300">
                Expected: <code className="font-mono">{step.expect ?? action?.expect}</code>
              </p>
            ) : null}
            <details className="mt-1 text-xs text-zinc-400">
              <summary className="cursor-pointer">As written</summary>
              <pre className="mt-1 overflow-x-auto whitespace-pre-wrap rounded bg-zinc-950 p-2 font-mono text-zinc-300">
                {redactCommand(step.text)}
              </pre>
            </details>
          </>
        ) : step.kind === "command" ? (
          <div className="flex items-start gap-2">
            <pre className="min-w-0 flex-1 overflow-x-auto whitespace-pre-wrap rounded bg-zinc-950 p-2 font-mono text-xs text-zinc-200">
              {redactCommand(step.command)}
            </pre>
            <CopyButton text={redactCommand(step.command)} />
          </div>
        ) : step.kind === "wait" ? (
          <p className="text-sm">
            <span className="font-semibold text-violet-200">Wait {formatWait(step.durationSeconds)}</span>
            <span className="text-zinc-400">
              {" "}
              — <InlineMarkdown text={step.text} />
            </span>
          </p>
        ) : step.kind === "note" && step.code ? (
          <pre className="overflow-x-auto whitespace-pre-wrap rounded bg-zinc-950 p-2 font-mono text-xs text-zinc-300">
            {step.code}
          </pre>
        ) : step.kind === "note" && step.table ? (
          <div className="overflow-x-auto">
            <table className="text-xs">
              <thead>
                <tr>
                  {step.table.header.map((cell, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: table cells have no identity but their position.
                    <th key={index} className="border-b border-zinc-700 px-2 py-1 text-left font-semibold">
                      {cell}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {step.table.rows.map((row, rowIndex) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position.
                  <tr key={rowIndex}>
                    {row.map((cell, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: as above.
                      <td key={index} className="border-b border-zinc-800 px-2 py-1 align-top">
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className={`text-sm ${step.kind === "note" ? "text-zinc-400" : "text-zinc-100"}`}>
            <InlineMarkdown text={step.text} />
            {step.kind === "check" && step.durationSeconds ? (
              <span className="ml-2 text-xs text-violet-200">({formatWait(step.durationSeconds)})</span>
            ) : null}
          </p>
        )}
        {code && step.kind !== "command" ? (
          <div className="mt-1 flex items-start gap-2">
            <code className="min-w-0 flex-1 overflow-x-auto rounded bg-zinc-950 px-2 py-1 font-mono text-xs">
              {redactCommand(code)}
            </code>
            <CopyButton text={redactCommand(code)} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
