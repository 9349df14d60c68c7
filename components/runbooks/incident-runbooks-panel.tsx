/** The runbooks attached to an incident, with their checklists and steps. (Filled in by the runbooks work.) */
export async function IncidentRunbooksPanel(_props: {
  incidentId: string;
  incidentRef: string;
  canAct: boolean;
}) {
  return null;
}
