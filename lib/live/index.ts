export {
  createIncidentEventStream,
  createIncidentListStream,
  lastEventIdFrom,
  sseResponse,
} from "./incident-event-stream";
export { HEARTBEAT_MS, openSseChannel, type SseChannel } from "./sse-channel";
export { type HubSubscriber, TimelineHub, timelineHub } from "./timeline-hub";
