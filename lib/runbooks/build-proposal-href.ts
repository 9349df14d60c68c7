/**
 * The link from a runbook action to the Safe proposal form. The form reads exactly these query parameters:
 * contractId, signature (canonical), args (JSON array), value (wei), safeId, runbook
 * (`<versionId>:<anchor>:<actionIndex>`). Values the runbook leaves open are empty strings in args; unknown
 * parameters are left out rather than sent empty.
 */
export function buildProposalHref(options: {
  incidentRef: string;
  contractId: string;
  signature: string | null;
  args: (string | null)[];
  value: string | null;
  safeId: string | null;
  versionId: string;
  anchor: string;
  actionIndex: number;
}): string {
  const params = new URLSearchParams();
  params.set("contractId", options.contractId);
  if (options.signature) params.set("signature", options.signature);
  params.set("args", JSON.stringify(options.args.map((arg) => arg ?? "")));
  params.set("value", options.value ?? "0");
  if (options.safeId) params.set("safeId", options.safeId);
  params.set("runbook", `${options.versionId}:${options.anchor}:${options.actionIndex}`);
  return `/incidents/${encodeURIComponent(options.incidentRef)}/proposals/new?${params.toString()}`;
}
