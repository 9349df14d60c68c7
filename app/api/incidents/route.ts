import { authorize, authorizeRead } from "@/lib/auth";
import { incidentCollectionHandlers } from "@/lib/incidents/routes";
import { attachRunbookInTx } from "@/lib/runbooks";

const handlers = incidentCollectionHandlers(authorize, {
  attachRunbook: attachRunbookInTx,
  authenticateRead: authorizeRead,
});
export const GET = handlers.GET;
export const POST = handlers.POST;
