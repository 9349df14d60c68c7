import { NextResponse } from "next/server";
import { route } from "@/lib/http/handle-route";
import { buildOpenApiDocument } from "@/lib/incidents";

// Public on purpose: the document describes the API, it holds no data.
export const GET = route({ role: "public" }, async () => NextResponse.json(buildOpenApiDocument()));
