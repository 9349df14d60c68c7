import { incidentEventsHandlers } from "@/lib/incidents/api/incident-route-handlers";
import { requireApiToken } from "@/lib/incidents/api/require-api-token";

const handlers = incidentEventsHandlers(requireApiToken);
export const GET = handlers.GET;
export const POST = handlers.POST;
