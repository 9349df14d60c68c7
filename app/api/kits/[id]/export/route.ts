import { readJson, route } from "@/lib/http/handle-route";
import { exportKit, ZExportKit } from "@/lib/kits";
import { authorFromActor } from "@/lib/timeline";

/** A passphrase-sealed kit file for an offline vault (commanders; an audit event). */
export const POST = route<{ id: string }>({ role: "commander" }, async (request, { actor, params }) => {
  const { passphrase } = await readJson(request, ZExportKit);
  const { filename, file } = await exportKit({
    kitId: (await params).id,
    passphrase,
    author: authorFromActor(actor),
  });
  return new Response(file, {
    headers: {
      "content-type": "application/json",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
