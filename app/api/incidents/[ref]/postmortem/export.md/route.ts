import { route } from "@/lib/http/handle-route";
import { getIncidentByRef } from "@/lib/incidents";
import { exportPostMortem } from "@/lib/postmortems";

export const GET = route<{ ref: string }>({ role: "viewer" }, async (request, { params }) => {
  const incident = await getIncidentByRef((await params).ref);
  const { fileName, markdown } = await exportPostMortem(incident);
  return new Response(markdown, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
});
