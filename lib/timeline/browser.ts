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
export { TIMELINE_EVENT_KINDS, type TimelineEventKind } from "./event-kinds";
export { redactCommand, redactSecrets } from "./redact-secrets";
