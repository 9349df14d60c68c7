import { incidentCollectionHandlers } from "@/lib/incidents/api/incident-route-handlers";
import { requireApiToken } from "@/lib/incidents/api/require-api-token";

const handlers = incidentCollectionHandlers(requireApiToken);
export const GET = handlers.GET;
export const POST = handlers.POST;
