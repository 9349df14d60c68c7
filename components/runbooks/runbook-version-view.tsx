import type { ParsedRunbook } from "@/lib/runbooks";
import { RunbookStepView } from "./runbook-step-view";

export type ContractsByAction = Map<number, { id: string; name: string; address: string }>;

/** Every section of a runbook version with its steps rendered by kind. */
export function RunbookVersionView({
  parsed,
  contracts,
}: {
  parsed: ParsedRunbook;
  contracts: ContractsByAction;
}) {
  return (
    <div className="space-y-6">
      {parsed.runbooks.map((section) => {
        const Heading = section.level <= 2 ? "h2" : "h3";
        return (
          <section
            key={section.anchor}
            id={section.anchor}
            aria-labelledby={`h-${section.anchor}`}
            className="scroll-mt-4"
          >
            <Heading
              id={`h-${section.anchor}`}
              className={
                section.level <= 2
                  ? "border-b border-zinc-800 pb-1 text-lg font-semibold"
                  : "font-semibold text-zinc-200"
              }
            >
              {section.title}
            </Heading>
            {section.severity || section.who || section.contract || section.when ? (
              <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-400">
                {section.severity ? (
                  <div>
                    <dt className="inline">Severity: </dt>
                    <dd className="inline text-red-300">{section.severity}</dd>
                  </div>
                ) : null}
                {section.who ? (
                  <div>
                    <dt className="inline">Who: </dt>
                    <dd className="inline text-zinc-200">{section.who}</dd>
                  </div>
                ) : null}
                {section.contract ? (
                  <div>
                    <dt className="inline">Contract: </dt>
                    <dd className="inline font-mono">{section.contract}</dd>
                  </div>
                ) : null}
                {section.when ? (
                  <div>
                    <dt className="inline">When: </dt>
                    <dd className="inline">{section.when}</dd>
                  </div>
                ) : null}
              </dl>
            ) : null}
            {section.steps.length ? (
              <ol className="mt-2 space-y-2">
                {section.steps.map((step, index) => {
                  const actionIndex =
                    step.kind === "action" || step.kind === "verify" ? step.actionIndex : null;
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: steps of an immutable version never move.
                    <li key={index} className="rounded border border-zinc-800 bg-zinc-900/50 p-2">
                      <RunbookStepView
                        step={step}
                        action={actionIndex === null ? undefined : parsed.actions[actionIndex]}
                        contract={actionIndex === null ? null : (contracts.get(actionIndex) ?? null)}
                      />
                    </li>
                  );
                })}
              </ol>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
