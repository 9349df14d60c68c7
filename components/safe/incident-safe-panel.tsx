/** Safe proposals, live contract state and timelocks of an incident. (Filled in by the Safe work.) */
export async function IncidentSafePanel(_props: {
  incidentId: string;
  incidentRef: string;
  canAct: boolean;
}) {
  return null;
}
