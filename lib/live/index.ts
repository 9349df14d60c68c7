export {
  createIncidentEventStream,
  createIncidentListStream,
  HEARTBEAT_MS,
  lastEventIdFrom,
  sseResponse,
} from "./incident-event-stream";
export { type HubSubscriber, TimelineHub, timelineHub } from "./timeline-hub";
