/** The severity as declared (the incident's own copy), in its scheme colour. */
export function SeverityBadge({ name, color }: { name: string; color: string }) {
  return (
    <span
      className="inline-flex min-w-10 items-center justify-center rounded px-2 py-0.5 text-xs font-bold text-white"
      style={{ backgroundColor: color }}
      data-testid="severity-badge"
    >
      {name}
    </span>
  );
}

const STATUS_STYLE: Record<string, string> = {
  investigating: "bg-red-950 text-red-200 ring-red-700",
  mitigating: "bg-orange-950 text-orange-200 ring-orange-700",
  monitoring: "bg-sky-950 text-sky-200 ring-sky-700",
  resolved: "bg-emerald-950 text-emerald-200 ring-emerald-700",
};

export const STATUS_LABEL: Record<string, string> = {
  investigating: "Investigating",
  mitigating: "Mitigating",
  monitoring: "Monitoring",
  resolved: "Resolved",
};

export function StatusPill({ status }: { status: string }) {
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${STATUS_STYLE[status] ?? ""}`}
      data-testid="incident-status"
    >
      {STATUS_LABEL[status] ?? status}
    </span>
  );
}
