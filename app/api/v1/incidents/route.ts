import { incidentCollectionHandlers, requireApiToken } from "@/lib/incidents/routes";
import { attachRunbookInTx } from "@/lib/runbooks";

const handlers = incidentCollectionHandlers(requireApiToken, { attachRunbook: attachRunbookInTx });
export const GET = handlers.GET;
export const POST = handlers.POST;
