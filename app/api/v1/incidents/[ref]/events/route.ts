import { incidentEventsHandlers, requireApiToken } from "@/lib/incidents/routes";

const handlers = incidentEventsHandlers(requireApiToken);
export const GET = handlers.GET;
export const POST = handlers.POST;
