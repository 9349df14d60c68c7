import type { Metadata } from "next";
import { AlertRoutesPanel } from "@/components/settings/alert-routes-panel";
import { AlertSourcesPanel } from "@/components/settings/alert-sources-panel";
import { listAlertRoutes, listAlertSources } from "@/lib/alerts";
import { requirePageMember } from "@/lib/auth";
import { listSeverityLevels } from "@/lib/incidents";

export const metadata: Metadata = { title: "Alert sources & routes" };

export default async function AlertSettingsPage() {
  const actor = await requirePageMember("viewer");
  const isAdmin = actor.role === "admin";
  const [sources, routes, levels] = await Promise.all([
    isAdmin ? listAlertSources() : Promise.resolve([]),
    listAlertRoutes(),
    listSeverityLevels(),
  ]);
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-semibold">Alert sources &amp; routes</h1>
      <section aria-labelledby="sources-heading" className="space-y-3">
        <h2 id="sources-heading" className="text-lg font-semibold">
          Sources
        </h2>
        {isAdmin ? (
          <AlertSourcesPanel sources={sources} />
        ) : (
          <p className="text-sm text-zinc-400">Only admins manage alert sources and their secrets.</p>
        )}
      </section>
      <section aria-labelledby="routes-heading" className="space-y-3">
        <h2 id="routes-heading" className="text-lg font-semibold">
          Routing rules
        </h2>
        <AlertRoutesPanel
          routes={routes.map((route) => ({
            ...route,
            matchLabels: route.matchLabels as Record<string, string>,
          }))}
          levels={levels.map((level) => level.name)}
          isAdmin={isAdmin}
        />
      </section>
    </div>
  );
}
