import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { readJson, route } from "@/lib/http/handle-route";
import { getIncidentByRef } from "@/lib/incidents";
import { getPostMortem, savePostMortem, ZSavePostMortem } from "@/lib/postmortems";

type Params = { ref: string };

export const GET = route<Params>({ role: "viewer" }, async (_request, { params }) => {
  const incident = await getIncidentByRef((await params).ref);
  const postMortem = await getPostMortem(incident.id);
  if (!postMortem) throw new AppError("NOT_FOUND", "This incident has no post-mortem yet.");
  const { revisions, ...rest } = postMortem;
  return NextResponse.json({
    postMortem: rest,
    revisions: revisions.map(({ body: _body, ...revision }) => revision),
  });
});

/**
 * Saves the text against the version it was edited from. 409 carries the current text and version so the
 * editor can show both texts and merge: the refused text stays in the browser, never overwritten.
 */
export const PUT = route<Params>({ role: "responder" }, async (request, { actor, params }) => {
  const input = await readJson(request, ZSavePostMortem);
  const incident = await getIncidentByRef((await params).ref);
  const result = await savePostMortem({ incidentId: incident.id, input, actor });
  if (result.kind === "conflict") {
    return NextResponse.json(
      {
        error: {
          code: "CONFLICT",
          message: `${result.current.savedBy} saved version ${result.current.version} while you were editing.`,
          fields: [],
        },
        current: result.current,
      },
      { status: 409 },
    );
  }
  return NextResponse.json(result);
});
