import { incidentCollectionHandlers, requireApiToken } from "@/lib/incidents";
import { attachRunbookInTx } from "@/lib/runbooks";

const handlers = incidentCollectionHandlers(requireApiToken, { attachRunbook: attachRunbookInTx });
export const GET = handlers.GET;
export const POST = handlers.POST;
