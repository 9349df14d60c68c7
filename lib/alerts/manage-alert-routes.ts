import { db } from "../db/client";
import type { AlertRoute } from "../db/generated/client";
import { AppError } from "../errors";
import { type TAlertRouteInput, ZAlertRouteInput, ZUpdateAlertRoute } from "./schemas";

export async function listAlertRoutes(): Promise<AlertRoute[]> {
  return db().alertRoute.findMany({ orderBy: [{ priority: "asc" }, { createdAt: "asc" }] });
}

async function assertSeverity(name: string): Promise<void> {
  const level = await db().severityLevel.findUnique({ where: { name } });
  if (!level) {
    throw new AppError("UNPROCESSABLE", `severityName: ${name} is not a level of this protocol's scheme.`, {
      fields: [{ path: "severityName", message: `${name} is not a level of this protocol's scheme` }],
    });
  }
}

export async function createAlertRoute(input: TAlertRouteInput): Promise<AlertRoute> {
  const parsed = ZAlertRouteInput.parse(input);
  await assertSeverity(parsed.severityName);
  return db().alertRoute.create({ data: parsed });
}

export async function updateAlertRoute(id: string, input: unknown): Promise<AlertRoute> {
  const parsed = ZUpdateAlertRoute.parse(input);
  if (parsed.severityName) await assertSeverity(parsed.severityName);
  const existing = await db().alertRoute.findUnique({ where: { id } });
  if (!existing) throw new AppError("NOT_FOUND", "No such alert route.");
  return db().alertRoute.update({ where: { id }, data: parsed });
}

export async function deleteAlertRoute(id: string): Promise<void> {
  const { count } = await db().alertRoute.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("NOT_FOUND", "No such alert route.");
}
