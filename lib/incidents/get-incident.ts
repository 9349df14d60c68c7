import { db } from "../db/client";
import type { Incident } from "../db/generated/client";
import { AppError } from "../errors";
import { parseIncidentRef } from "./incident-words";

/** The incident for a human reference (INC-42), or a 404 AppError. */
export async function getIncidentByRef(ref: string): Promise<Incident> {
  const number = parseIncidentRef(ref);
  const incident = number === null ? null : await db().incident.findUnique({ where: { number } });
  if (!incident) throw new AppError("NOT_FOUND", `No incident ${ref}.`);
  return incident;
}
