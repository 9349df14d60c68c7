// What client components may import from the incidents domain: pure helpers, no database.
export {
  computeResponseTimer,
  type ResponseTimer,
} from "./compute-response-timer";
export {
  formatIncidentRef,
  INCIDENT_PHASES,
  INCIDENT_ROLES,
  INCIDENT_STATUSES,
  parseIncidentRef,
} from "./incident-words";
