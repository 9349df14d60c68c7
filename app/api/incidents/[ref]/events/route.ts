import { authorize } from "@/lib/auth";
import { incidentEventsHandlers } from "@/lib/incidents/routes";

const handlers = incidentEventsHandlers(authorize);
export const GET = handlers.GET;
export const POST = handlers.POST;
