import { db } from "../db/client";
import type { Drill } from "../db/generated/client";
import { AppError } from "../errors";

/** A drill that is still running (its fork answers); a stopped drill takes no more actions. */
export async function loadRunningDrill(drillId: string): Promise<Drill> {
  const drill = await db().drill.findUnique({ where: { id: drillId } });
  if (!drill) throw new AppError("NOT_FOUND", "No such drill.");
  if (drill.state !== "running") throw new AppError("CONFLICT", "The drill is stopped; its fork is gone.");
  return drill;
}
