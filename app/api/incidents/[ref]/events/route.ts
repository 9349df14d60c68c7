import { authorize } from "@/lib/auth";
import { incidentEventsHandlers } from "@/lib/incidents";

const handlers = incidentEventsHandlers(authorize);
export const GET = handlers.GET;
export const POST = handlers.POST;
