import { receiveAlertWebhook } from "@/lib/alerts/routes";
import { automaticKitsHook } from "@/lib/kits";

// Machine-to-machine: authenticated by the alert source's secret (lib/alerts/verify-alert-request.ts), not a session.
// A routing rule may name an emergency kit to break automatically (lib/kits, guarded by its own switch).
export const POST = (request: Request) =>
  receiveAlertWebhook(request, "events", { onIngested: automaticKitsHook });
