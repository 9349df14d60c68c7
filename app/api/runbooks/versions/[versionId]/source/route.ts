import { route } from "@/lib/http/handle-route";
import { getRunbookSource } from "@/lib/runbooks";

/** The original Markdown of a version, byte for byte as imported. */
export const GET = route<{ versionId: string }>({ role: "viewer" }, async (_request, { params }) => {
  const { versionId } = await params;
  const { fileName, source } = await getRunbookSource(versionId);
  return new Response(source, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `inline; filename="${fileName}"`,
    },
  });
});
