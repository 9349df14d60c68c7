import { incidentCollectionHandlers } from "@/lib/incidents/routes";
import { attachRunbookInTx } from "@/lib/runbooks";

const handlers = incidentCollectionHandlers({ tokensOnly: false }, { attachRunbook: attachRunbookInTx });
export const GET = handlers.GET;
export const POST = handlers.POST;
