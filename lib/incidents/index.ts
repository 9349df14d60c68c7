export { type DeclareIncidentOptions, declareIncident } from "./declare-incident";
export { getIncidentByRef } from "./get-incident";
export {
  DETECTED_VIA,
  formatIncidentRef,
  parseIncidentRef,
  type TDeclareIncident,
  ZDeclareIncident,
} from "./schemas";
export { SEVERITY_PRESETS, type SeverityPresetLevel } from "./severity-presets";
