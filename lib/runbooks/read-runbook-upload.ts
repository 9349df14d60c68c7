import { z } from "zod";
import { AppError, isAppError } from "../errors";
import { readBodyBytes, readMultipart } from "../http/read-body";
import { MAX_RUNBOOK_BYTES } from "./decode-runbook-bytes";

/** Multipart framing and JSON escaping add to the file's size; anything past this is refused unread. */
const MAX_BODY_BYTES = MAX_RUNBOOK_BYTES * 2 + 64 * 1024;

const ZPastedRunbook = z.object({
  markdown: z.string({ error: "is required" }),
  fileName: z.string().trim().max(255).optional(),
});

function tooLarge(): never {
  throw new AppError("PAYLOAD_TOO_LARGE", "file: a runbook may be at most 2 MB", {
    fields: [{ path: "file", message: "a runbook may be at most 2 MB" }],
  });
}

/**
 * The runbook a request carries, as bytes (validated later by decodeRunbookBytes, so an upload and a paste
 * fail the same way): a multipart form with a `file` (or a `markdown` field), JSON `{ markdown, fileName }`,
 * or the raw Markdown as the body with `?fileName=`.
 */
export async function readRunbookUpload(
  request: Request,
): Promise<{ bytes: Uint8Array; fileName: string | null }> {
  const type = request.headers.get("content-type") ?? "";
  // Counted while it arrives (a body without Content-Length is not read whole first).
  const read = <T>(promise: Promise<T>) =>
    promise.catch((error: unknown) => {
      if (isAppError(error) && error.code === "PAYLOAD_TOO_LARGE") tooLarge();
      throw error;
    });
  if (type.startsWith("multipart/form-data")) {
    const form = await read(readMultipart(request, MAX_BODY_BYTES));
    const file = form.get("file");
    if (file instanceof File)
      return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name || null };
    const markdown = form.get("markdown");
    if (typeof markdown === "string") {
      const fileName = form.get("fileName");
      return {
        bytes: new TextEncoder().encode(markdown),
        fileName: typeof fileName === "string" ? fileName : null,
      };
    }
    throw new AppError("UNPROCESSABLE", "file: choose a Markdown file or paste the runbook.", {
      fields: [{ path: "file", message: "choose a Markdown file or paste the runbook" }],
    });
  }
  const bytes = await read(readBodyBytes(request, MAX_BODY_BYTES));
  if (type.startsWith("application/json")) {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
    }
    const { markdown, fileName } = ZPastedRunbook.parse(json);
    return { bytes: new TextEncoder().encode(markdown), fileName: fileName ?? null };
  }
  return { bytes, fileName: new URL(request.url).searchParams.get("fileName") };
}
