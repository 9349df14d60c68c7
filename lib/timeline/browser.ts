// What browser code may import from the timeline domain (index.ts reaches the database).
export {
  type DescribableEvent,
  type DescribeContext,
  describeEvent,
  descriptionToText,
  type EventDescription,
  type EventPart,
  INCIDENT_ROLE_LABELS,
  type ProposalInfo,
} from "./describe-event";
// The kinds by name only: event-kinds.ts holds their zod schemas, which browser code must not ship.
export {
  TIMELINE_EVENT_KIND_NAMES as TIMELINE_EVENT_KINDS,
  type TimelineEventKindName as TimelineEventKind,
} from "./event-kind-names";
export { redactCommand, redactSecrets } from "./redact-secrets";
