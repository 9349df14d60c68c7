// Prisma's "cannot reach / connection closed / pool timeout" codes and the pg adapter's error kinds.
const DATABASE_DOWN_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
const DATABASE_DOWN_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

/**
 * Whether an error means the database cannot be reached right now (down, restarting, out of connections),
 * as opposed to a bug or a refused query: API routes answer 503 and pages show "retrying" for these.
 */
export function isDatabaseDown(error: unknown): boolean {
  const candidate = error as {
    code?: string;
    meta?: { driverAdapterError?: { cause?: { kind?: string } } };
    message?: string;
  };
  if (candidate?.code && DATABASE_DOWN_CODES.has(candidate.code)) return true;
  const kind = candidate?.meta?.driverAdapterError?.cause?.kind;
  if (kind && DATABASE_DOWN_KINDS.has(kind)) return true;
  return /ECONNREFUSED|Connection terminated|terminating connection|57P01|57P03/i.test(
    String(candidate?.message ?? ""),
  );
}
