import { NextResponse } from "next/server";
import { route } from "@/lib/http/handle-route";
import { decodeRunbookBytes, previewRunbook, readRunbookUpload } from "@/lib/runbooks";

/** What an import would recognise, before anything is stored. */
export const POST = route({ role: "responder" }, async (request) => {
  const { bytes, fileName } = await readRunbookUpload(request);
  const text = decodeRunbookBytes(bytes);
  return NextResponse.json({ preview: await previewRunbook({ text, fileName }) });
});
