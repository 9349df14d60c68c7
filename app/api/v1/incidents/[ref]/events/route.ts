import { incidentEventsHandlers } from "@/lib/incidents/routes";

// API v1 is for machines: an API token only.
const handlers = incidentEventsHandlers({ tokensOnly: true });
export const GET = handlers.GET;
export const POST = handlers.POST;
