import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";
import { importRunbook, listRunbooks, readRunbookUpload, ZListRunbooksQuery } from "@/lib/runbooks";

export const GET = route(async (request) => {
  await authorize(request, "viewer");
  const { q } = ZListRunbooksQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json({ runbooks: await listRunbooks({ q }) });
});

/** Imports a runbook (multipart `file`, JSON `{ markdown }` or raw Markdown): 201 with a new version, 200 if unchanged. */
export const POST = route(async (request) => {
  const actor = await authorize(request, "responder");
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
