import { authorize, authorizeRead } from "@/lib/auth";
import { incidentCollectionHandlers } from "@/lib/incidents/api/incident-route-handlers";

const handlers = incidentCollectionHandlers(authorize, authorizeRead);
export const GET = handlers.GET;
export const POST = handlers.POST;
