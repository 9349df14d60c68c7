import { incidentCollectionHandlers } from "@/lib/incidents/routes";
import { attachRunbookInTx } from "@/lib/runbooks";

// API v1 is for machines: an API token only (a browser session is not enough), the console's role checks.
const handlers = incidentCollectionHandlers({ tokensOnly: true }, { attachRunbook: attachRunbookInTx });
export const GET = handlers.GET;
export const POST = handlers.POST;
