import { receiveAlertWebhook } from "@/lib/alerts/routes";
import { route } from "@/lib/http/handle-route";
import { automaticKitsHook } from "@/lib/kits";

// Machine-to-machine: authenticated by the alert source's secret (lib/alerts/verify-alert-request.ts), not a
// session, so no cookie and no origin check; the body is read within 1 MB before anything else.
// A routing rule may name an emergency kit to break automatically (lib/kits, guarded by its own switch).
export const POST = route({ role: "public" }, (request) =>
  receiveAlertWebhook(request, "alertmanager", { onIngested: automaticKitsHook }),
);
