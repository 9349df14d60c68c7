import { NextResponse } from "next/server";
import { revokeApiToken } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/handle-route";

export const DELETE = route<{ id: string }>({ role: "admin" }, async (_request, { params }) => {
  const { id } = await params;
  await revokeApiToken(id).catch((error: { code?: string }) => {
    if (error?.code === "P2025") throw new AppError("NOT_FOUND", "No such token.");
    throw error;
  });
  return NextResponse.json({ isRevoked: true });
});
