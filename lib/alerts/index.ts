export { declareFromAlert, dismissAlert } from "./act-on-inbox-alert";
export { alertAuthor } from "./alert-author";
export { importRunbookAlertRoutes } from "./import-runbook-alert-routes";
export { type IngestedAlert, type IngestOutcome, ingestAlert } from "./ingest-alert";
export { type AlertListItem, listAlerts } from "./list-alerts";
export { createAlertRoute, deleteAlertRoute, listAlertRoutes, updateAlertRoute } from "./manage-alert-routes";
export {
  type AlertSourceView,
  createAlertSource,
  listAlertSources,
  MAX_ACTIVE_SECRETS,
  revokeAlertSecret,
  rotateAlertSecret,
} from "./manage-alert-sources";
export { matchAlertRoute, type RouteRule } from "./match-alert-route";
export { alertFromEvent, alertsFromAlertmanager, type IncomingAlert } from "./normalize-alerts";
export { MAX_ALERT_BODY_BYTES } from "./read-limited-body";
export {
  ALERT_AUTH_MODES,
  ALERT_SOURCE_KINDS,
  type TAlertRouteInput,
  type TCreateAlertSource,
  type TDeclareFromAlert,
  ZAlertEvent,
  ZAlertmanagerWebhook,
  ZAlertRouteInput,
  ZCreateAlertSource,
  ZDeclareFromAlert,
  ZUpdateAlertRoute,
} from "./schemas";
export {
  REPLAY_WINDOW_SECONDS,
  SIGNATURE_HEADER,
  signAlertBody,
  TIMESTAMP_HEADER,
  verifyAlertRequest,
} from "./verify-alert-request";
