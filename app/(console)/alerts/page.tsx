import type { Metadata } from "next";
import { AlertInbox } from "@/components/alerts/alert-inbox";
import { listAlerts } from "@/lib/alerts";
import { hasRole, requirePageMember } from "@/lib/auth";
import { listSeverityLevels } from "@/lib/incidents";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage() {
  const actor = await requirePageMember("viewer");
  const [inbox, attached, levels] = await Promise.all([
    listAlerts({ state: "inbox" }),
    listAlerts({ state: "attached", limit: 25 }),
    listSeverityLevels(),
  ]);
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">Alerts</h1>
        <p className="mt-1 text-sm text-zinc-400">
          Alerts no routing rule matched wait here for a person. Routed alerts declare incidents by
          themselves.
        </p>
      </header>
      <AlertInbox
        inbox={inbox}
        attached={attached}
        levels={levels.map(({ name, definition }) => ({ name, definition }))}
        canAct={hasRole(actor.role, "responder")}
      />
    </div>
  );
}
