import { authorize } from "@/lib/auth";
import { incidentEventsHandlers } from "@/lib/incidents/api/incident-route-handlers";

const handlers = incidentEventsHandlers(authorize);
export const GET = handlers.GET;
export const POST = handlers.POST;
