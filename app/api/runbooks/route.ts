import { NextResponse } from "next/server";
import { route } from "@/lib/http/handle-route";
import { importRunbook, listRunbooks, readRunbookUpload, ZListRunbooksQuery } from "@/lib/runbooks";

export const GET = route({ role: "viewer" }, async (request) => {
  const { q } = ZListRunbooksQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json({ runbooks: await listRunbooks({ q }) });
});

/** Imports a runbook (multipart `file`, JSON `{ markdown }` or raw Markdown): 201 with a new version, 200 if unchanged. */
export const POST = route({ role: "responder" }, async (request, { actor }) => {
  const { bytes, fileName } = await readRunbookUpload(request);
  const { document, version, isNew, preview } = await importRunbook({
    source: bytes,
    fileName,
    importedBy: actor.id,
  });
  return NextResponse.json(
    {
      document: { id: document.id, slug: document.slug, title: document.title },
      version: {
        id: version.id,
        version: version.version,
        sha256: version.sha256,
        createdAt: version.createdAt,
      },
      isNew,
      preview,
    },
    { status: isNew ? 201 : 200 },
  );
});
