import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/incidents";

// Public on purpose: the document describes the API, it holds no data.
export const GET = () => NextResponse.json(buildOpenApiDocument());
