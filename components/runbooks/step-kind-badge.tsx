const STYLES: Record<string, string> = {
  check: "bg-sky-900 text-sky-100",
  action: "bg-amber-500 text-zinc-950",
  verify: "bg-emerald-800 text-emerald-50",
  command: "bg-zinc-700 text-zinc-100",
  wait: "bg-violet-800 text-violet-50",
  note: "bg-zinc-800 text-zinc-300",
};

const LABELS: Record<string, string> = {
  check: "Check",
  action: "Action",
  verify: "Verify",
  command: "Command",
  wait: "Wait",
  note: "Note",
};

/** The kind of a runbook step, readable without colour (the label) and at a glance (the colour). */
export function StepKindBadge({ kind }: { kind: string }) {
  return (
    <span
      className={`inline-block shrink-0 rounded px-1.5 py-0.5 text-[11px] font-bold uppercase tracking-wide ${STYLES[kind] ?? STYLES.note}`}
    >
      {LABELS[kind] ?? kind}
    </span>
  );
}
