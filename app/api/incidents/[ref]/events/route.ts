import { incidentEventsHandlers } from "@/lib/incidents/routes";

const handlers = incidentEventsHandlers({ tokensOnly: false });
export const GET = handlers.GET;
export const POST = handlers.POST;
