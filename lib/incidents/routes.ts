// What app/ route handlers import from the incidents domain: the handlers the UI API and API v1 share. They
// need Next (responses, the session), so they stay out of index.ts, which scripts, benches and the other
// domains load.
export { incidentCollectionHandlers, incidentEventsHandlers } from "./api/incident-route-handlers";
