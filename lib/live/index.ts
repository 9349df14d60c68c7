export {
  createIncidentEventStream,
  createIncidentListStream,
  type ResumePoint,
  resumePointFrom,
  sseResponse,
} from "./incident-event-stream";
export { readTimelineSince, timelineResumeBound } from "./read-timeline-since";
export { HEARTBEAT_MS, openSseChannel, RECHECK_MS, type SseChannel, type StreamAccess } from "./sse-channel";
export { type HubSubscriber, TimelineHub, timelineHub } from "./timeline-hub";
