// Drills: rehearse a runbook on a fork of a registry chain (its own chain id), with the real flow, and score it.
export { computeDrillScore, type DrillScore, formatScoreSummary } from "./compute-drill-score";
export { type DrillView, findIncidentDrill, getDrill } from "./get-drill";
export { injectScenario } from "./inject-scenario";
export { type DrillCoverageRow, listDrillCoverage } from "./list-drill-coverage";
export { type DrillableSection, listDrillableSections } from "./list-drillable-sections";
export { type DrillRow, listDrills } from "./list-drills";
export {
  type TInjectScenario,
  type TStandIn,
  type TStartDrill,
  ZInjectScenario,
  ZStandIn,
  ZStartDrill,
} from "./schemas";
export { standInForOwner } from "./stand-in-for-owner";
export { startDrill } from "./start-drill";
export { stopDrill } from "./stop-drill";
