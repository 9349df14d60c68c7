export { addTimelineEntry } from "./add-timeline-entry";
export { buildOpenApiDocument } from "./api/build-openapi";
export {
  type ApiEvent,
  type ApiIncident,
  toApiEvent,
  toApiIncident,
  ZApiEvent,
  ZApiIncident,
} from "./api/serialize";
export { assignIncidentRole } from "./assign-incident-role";
export {
  computeResponseTimer,
  type ResponseTimer,
} from "./compute-response-timer";
export { type AttachRunbookHook, type DeclareIncidentOptions, declareIncident } from "./declare-incident";
export { getIncidentByRef } from "./get-incident";
export {
  formatIncidentRef,
  INCIDENT_PHASES,
  INCIDENT_ROLES,
  INCIDENT_STATUSES,
  parseIncidentRef,
} from "./incident-words";
export { type IncidentPage, listIncidents } from "./list-incidents";
export { listSeverityLevels } from "./list-severity-levels";
export { listTimelineEvents } from "./list-timeline-events";
export { applySeverityPreset, replaceSeverityScheme } from "./replace-severity-scheme";
export {
  DETECTED_VIA,
  type TAssignRole,
  type TDeclareIncident,
  type TIncidentTransition,
  type TListIncidentsQuery,
  TRANSITION_ROLE,
  type TSeverityScheme,
  type TTimelineEntry,
  ZApplyPreset,
  ZAssignRole,
  ZDeclareIncident,
  ZIncidentTransition,
  ZListIncidentsQuery,
  ZSeverityLevelInput,
  ZSeverityScheme,
  ZTimelineEntry,
} from "./schemas";
export { SEVERITY_PRESETS, type SeverityPresetLevel } from "./severity-presets";
export {
  type IncidentResolvedHook,
  type TransitionIncidentOptions,
  transitionIncident,
} from "./transition-incident";
