import { db } from "../db/client";
import type { SeverityLevel } from "../db/generated/client";

/** The protocol's severity scheme, most severe first. */
export function listSeverityLevels(): Promise<SeverityLevel[]> {
  return db().severityLevel.findMany({ orderBy: [{ rank: "asc" }, { name: "asc" }] });
}
