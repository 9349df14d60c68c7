import type { Metadata } from "next";
import { ContactRoutesPanel } from "@/components/settings/contact-routes-panel";
import { EscalationPoliciesPanel } from "@/components/settings/escalation-policies-panel";
import { PageDeadLetters } from "@/components/settings/page-dead-letters";
import { RotationsPanel } from "@/components/settings/rotations-panel";
import { requirePageMember } from "@/lib/auth";
import { listSeverityLevels } from "@/lib/incidents";
import { listMembers } from "@/lib/members";
import {
  currentOnCall,
  listContactRoutes,
  listPageDeadLetters,
  listPolicies,
  listRotations,
} from "@/lib/paging";
import { listRegistry } from "@/lib/safe";

export const metadata: Metadata = { title: "Paging" };

export default async function PagingSettingsPage() {
  const actor = await requirePageMember("viewer");
  const routes = await listContactRoutes(actor.id);
  const isAdmin = actor.role === "admin";
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-semibold">Paging</h1>
      <section aria-labelledby="routes-heading" className="space-y-3">
        <h2 id="routes-heading" className="text-lg font-semibold">
          Your contact routes
        </h2>
        <p className="text-sm text-zinc-400">
          A page reaches you on every enabled route, in this order. A page says only the title, severity, what
          is asked and a link.
        </p>
        <ContactRoutesPanel routes={routes} />
      </section>
      {isAdmin ? (
        <AdminSections />
      ) : (
        <p className="text-sm text-zinc-400">Only admins manage policies and rotations.</p>
      )}
    </div>
  );
}

async function AdminSections() {
  const [policies, rotations, onCall, members, registry, levels, deadLetters] = await Promise.all([
    listPolicies(),
    listRotations(),
    currentOnCall(),
    listMembers(),
    listRegistry(),
    listSeverityLevels(),
    listPageDeadLetters(),
  ]);
  const memberOptions = members.map((m) => ({ id: m.id, name: m.displayName }));
  return (
    <>
      <section aria-labelledby="policies-heading" className="space-y-3">
        <h2 id="policies-heading" className="text-lg font-semibold">
          Escalation policies
        </h2>
        <EscalationPoliciesPanel
          policies={policies}
          options={{
            members: memberOptions,
            rotations: rotations.map((r) => ({ id: r.id, name: r.name })),
            safes: registry.safes.map((s) => ({ id: s.id, name: s.label })),
            severities: levels.map((level) => level.name),
          }}
        />
      </section>
      <section aria-labelledby="rotations-heading" className="space-y-3">
        <h2 id="rotations-heading" className="text-lg font-semibold">
          On-call rotations
        </h2>
        <RotationsPanel
          rotations={rotations.map((r) => ({
            ...r,
            onCall: onCall.find((o) => o.rotationId === r.id)?.memberName ?? null,
          }))}
          members={memberOptions}
        />
      </section>
      <section aria-labelledby="page-dead-heading" className="space-y-3">
        <h2 id="page-dead-heading" className="text-lg font-semibold">
          Failed page deliveries
        </h2>
        <PageDeadLetters letters={deadLetters} />
      </section>
    </>
  );
}
