import type { ReactNode } from "react";
import type { RunbookPreview, StepCounts } from "@/lib/runbooks";
import { StepKindBadge } from "./step-kind-badge";

const KINDS: (keyof StepCounts)[] = ["check", "action", "verify", "command", "wait", "note"];

function Counts({ counts }: { counts: StepCounts }) {
  return (
    <span className="flex flex-wrap gap-1">
      {KINDS.filter((kind) => counts[kind] > 0).map((kind) => (
        <span key={kind} className="inline-flex items-center gap-1 text-xs text-zinc-300">
          <StepKindBadge kind={kind} /> {counts[kind]}
        </span>
      ))}
    </span>
  );
}

function Block({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <section className="rounded border border-zinc-800 p-3">
      <h3 className="mb-2 text-sm font-semibold text-zinc-200">
        {title} <span className="text-zinc-400">({count})</span>
      </h3>
      {count === 0 ? <p className="text-xs text-zinc-500">None recognised.</p> : children}
    </section>
  );
}

/** What the parser recognised in a runbook, shown before it is saved. */
export function RunbookPreviewView({ preview }: { preview: RunbookPreview }) {
  return (
    <div className="space-y-3" data-testid="runbook-preview">
      <div className="rounded border border-zinc-700 bg-zinc-900 p-3">
        <p className="text-lg font-semibold">{preview.title}</p>
        <p className="text-xs text-zinc-400">
          slug <code className="font-mono">{preview.slug}</code> · sha256{" "}
          <code className="font-mono">{preview.sha256.slice(0, 12)}…</code>
        </p>
        {preview.isMojibakeRepaired ? (
          <p className="mt-1 text-xs text-amber-300">
            The text was mis-encoded (UTF-8 read as cp1252) and has been repaired for reading; the original is
            kept as given.
          </p>
        ) : null}
        <p className="mt-2 text-sm" role="status">
          {preview.existing === null
            ? "New runbook: saving creates version 1."
            : preview.existing.isIdentical
              ? `Identical to version ${preview.existing.latestVersion}: saving creates no new version.`
              : `Changed since version ${preview.existing.latestVersion}: saving creates version ${preview.existing.latestVersion + 1}.`}
        </p>
        <div className="mt-2">
          <Counts counts={preview.totals} />
        </div>
      </div>

      <Block title="Sections" count={preview.sections.length}>
        <ul className="max-h-72 space-y-1 overflow-y-auto text-sm">
          {preview.sections.map((section) => (
            <li
              key={section.anchor}
              className={`flex flex-wrap items-center gap-2 ${section.level > 2 ? "pl-4" : ""}`}
            >
              <span className={section.level <= 2 ? "font-semibold" : ""}>{section.title}</span>
              {section.severity ? <span className="text-xs text-red-300">{section.severity}</span> : null}
              {section.who ? <span className="text-xs text-zinc-400">Who: {section.who}</span> : null}
              <Counts counts={section.counts} />
            </li>
          ))}
        </ul>
      </Block>

      <Block title="Contract actions and reads" count={preview.actions.length}>
        <ul className="space-y-1 text-sm">
          {preview.actions.map((action) => (
            <li key={action.index} className="flex flex-wrap items-center gap-2">
              <StepKindBadge kind={action.kind === "send" ? "action" : "verify"} />
              <code className="font-mono">
                {action.signature ?? action.signatureAsWritten ?? "(transfer)"}
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
                <code className="font-mono text-xs text-zinc-400">{action.selector}</code>
              ) : null}
              <span className="text-xs text-zinc-400">
                on <code className="font-mono">{action.target}</code>
                {action.expect ? ` · expect ${action.expect}` : ""}
              </span>
            </li>
          ))}
        </ul>
      </Block>

      <Block title="Placeholders" count={preview.placeholders.length}>
        <ul className="space-y-1 text-sm" data-testid="preview-placeholders">
          {preview.placeholders.map((item) => (
            <li key={item.placeholder} className="flex flex-wrap items-center gap-2">
              <code className="font-mono">{item.placeholder}</code>
              {item.contract ? (
                <span className="text-emerald-300">bound to {item.contract.name}</span>
              ) : (
                <span className="text-amber-300">not bound</span>
              )}
              <span className="text-xs text-zinc-500">
                {item.actionCount} action{item.actionCount === 1 ? "" : "s"}
              </span>
            </li>
          ))}
        </ul>
      </Block>

      <div className="grid gap-3 md:grid-cols-3">
        <Block title="Severity levels" count={preview.severityLevels.length}>
          <ul className="space-y-1 text-sm">
            {preview.severityLevels.map((level) => (
              <li key={level.name}>
                <span className="font-semibold">{level.name}</span> {level.label ?? ""}{" "}
                <span className="text-xs text-zinc-400">{level.responseTime ?? ""}</span>
              </li>
            ))}
          </ul>
        </Block>
        <Block title="Alert routes" count={preview.alertRoutes.length}>
          <ul className="space-y-1 text-sm">
            {preview.alertRoutes.map((route) => (
              <li key={`${route.alert}-${route.runbook}`}>
                <code className="font-mono">{route.alert}</code> →{" "}
                <span className="text-zinc-300">{route.runbook}</span>
                {route.condition && route.condition !== route.alert ? (
                  <span className="block text-xs text-zinc-400">when {route.condition}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </Block>
        <Block title="Templates" count={preview.templates.length}>
          <ul className="space-y-1 text-sm">
            {preview.templates.map((template) => (
              <li key={`${template.name}-${template.runbook}`}>{template.name}</li>
            ))}
          </ul>
        </Block>
      </div>
    </div>
  );
}
