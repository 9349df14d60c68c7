import { alertAuthor } from "../alerts";
import { runAutomaticKits } from "./run-automatic-kits";

/** receiveAlertWebhook's onIngested at the alert routes: alerts stay below kits, the edge joins them. */
export function automaticKitsHook(
  alerts: {
    alertId: string | null;
    outcome: string;
    incidentId: string | null;
    routeId: string | null;
    name: string;
  }[],
  source: { id: string; name: string },
) {
  return runAutomaticKits(alerts, source, alertAuthor(source));
}
