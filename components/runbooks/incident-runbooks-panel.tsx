import { getIncidentByRef } from "@/lib/incidents";
import { getIncidentRunbooks, suggestRunbooks } from "@/lib/runbooks";
import { AttachRunbookForm } from "./attach-runbook-form";
import { ChecklistRunView } from "./checklist-run-view";

/**
 * The runbooks attached to an incident, as checklist runs, and the form to attach more. Everything is read
 * from the database (ticks and verification results are timeline events), so a live refresh of the page
 * shows other responders' ticks.
 */
export async function IncidentRunbooksPanel(props: {
  incidentId: string;
  incidentRef: string;
  canAct: boolean;
  canCommand: boolean;
}) {
  const incident = await getIncidentByRef(props.incidentRef);
  const [runs, { suggestions, attachable }] = await Promise.all([
    getIncidentRunbooks({ id: incident.id, ref: props.incidentRef }),
    suggestRunbooks(incident),
  ]);
  return (
    <section aria-labelledby="incident-runbooks-heading" className="space-y-3">
      <h2 id="incident-runbooks-heading" className="text-lg font-semibold">
        Runbooks
      </h2>
      {runs.length === 0 ? <p className="text-sm text-zinc-400">No runbook attached yet.</p> : null}
      {runs.map((run) => (
        <ChecklistRunView
          key={run.id}
          run={run}
          incidentRef={props.incidentRef}
          canAct={props.canAct}
          incident={{
            isResolved: incident.resolvedAt !== null,
            isContained: incident.containedAt !== null,
            canCommand: props.canCommand,
          }}
        />
      ))}
      {props.canAct ? (
        <AttachRunbookForm
          incidentRef={props.incidentRef}
          suggestions={suggestions}
          attachable={attachable}
        />
      ) : null}
    </section>
  );
}
