import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/handle-route";
import { loadRunbookAction, parseRunbookActionRef } from "@/lib/runbooks";

/**
 * `?runbook=<versionId>:<anchor>:<actionIndex>` (the proposal link's parameter) → the action, its bound
 * contract, the Safe holding the section's role (read on chain) and calldata-ready arguments.
 */
export const GET = route({ role: "viewer" }, async (request) => {
  const ref = parseRunbookActionRef(new URL(request.url).searchParams.get("runbook") ?? "");
  if (!ref) {
    throw new AppError("UNPROCESSABLE", "runbook: expected <versionId>:<anchor>:<actionIndex>.", {
      fields: [{ path: "runbook", message: "expected <versionId>:<anchor>:<actionIndex>" }],
    });
  }
  const { action, section, resolved } = await loadRunbookAction(ref);
  return NextResponse.json({
    action,
    section: section ? { anchor: section.anchor, title: section.title, who: section.who } : null,
    resolved: {
      ...resolved,
      contract: resolved.contract
        ? {
            id: resolved.contract.id,
            name: resolved.contract.name,
            address: resolved.contract.address,
            chainId: resolved.contract.chainId,
          }
        : null,
      suggestedSafe: resolved.suggestedSafe
        ? {
            id: resolved.suggestedSafe.id,
            label: resolved.suggestedSafe.label,
            address: resolved.suggestedSafe.address,
          }
        : null,
    },
  });
});
