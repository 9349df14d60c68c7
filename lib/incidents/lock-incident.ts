import type { DbTransaction } from "../db/client";
import type { Incident } from "../db/generated/client";
import { AppError } from "../errors";

/**
 * Locks the incident row for the rest of the transaction and returns it as it is now, so two people
 * acknowledging or assigning at once are serialised and each sees the other's result.
 */
export async function lockIncident(tx: DbTransaction, incidentId: string): Promise<Incident> {
  await tx.$queryRaw`SELECT id FROM "Incident" WHERE id = ${incidentId} FOR UPDATE`;
  const incident = await tx.incident.findUnique({ where: { id: incidentId } });
  if (!incident) throw new AppError("NOT_FOUND", "No such incident.");
  return incident;
}
