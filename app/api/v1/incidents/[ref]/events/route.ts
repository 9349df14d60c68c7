import { incidentEventsHandlers, requireApiToken } from "@/lib/incidents";

const handlers = incidentEventsHandlers(requireApiToken);
export const GET = handlers.GET;
export const POST = handlers.POST;
