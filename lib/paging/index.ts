export { acknowledgePage, readAcknowledgeToken } from "./acknowledge-page";
export { CONTACT_KINDS, type ContactKind, type ContactTarget, ZContactTarget } from "./contact-targets";
export { acknowledgeLink, deliverPage } from "./deliver-page";
export { getProposalPageTally, type PageTally, type TallyRow } from "./get-page-tally";
export {
  currentOnCall,
  getPageSummary,
  listIncidentPages,
  listPageDeadLetters,
  type OnCallRow,
  type PageDeadLetter,
  replayPageDelivery,
} from "./list-pages";
export {
  type ContactRouteView,
  createContactRoute,
  deleteContactRoute,
  listContactRoutes,
  updateContactRoute,
} from "./manage-contact-routes";
export {
  deletePolicy,
  deleteRotation,
  listPolicies,
  listRotations,
  type PolicyView,
  policyForSeverity,
  type RotationView,
  savePolicy,
  saveRotation,
} from "./manage-policies";
export { openIncidentPage, type PageSubject } from "./open-page";
export { pageSigners, stopPaging, updatePendingSigners } from "./page-signers";
export {
  deliverPageTask,
  incidentAnsweredTask,
  incidentDeclaredTask,
  PAGING_TASKS,
  pageStepTask,
  proposalChangedTask,
} from "./paging-tasks";
export { onCallAt } from "./rotation-on-call";
export { runPageStep } from "./run-page-step";
export * from "./schemas";
export { testContactRoute } from "./test-contact-route";
