import { db } from "../db/client";
import { AppError } from "../errors";
import { REPLAY_WINDOW_SECONDS, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./verify-alert-request";

/**
 * A signed delivery is accepted once. The timestamp window (300 s) stops a replay later; inside it, a
 * captured request replayed as is would declare a second incident. Each accepted signature is kept in the
 * database (every console instance sees it) until its timestamp leaves the window; the insert is the check
 * (its primary key), so two replays racing cannot both pass. Expired rows are swept by the same statement.
 */
export async function rememberDeliverySignature(options: {
  sourceId: string;
  request: Request;
  now: Date;
}): Promise<void> {
  const signature = (options.request.headers.get(SIGNATURE_HEADER) ?? "").trim().toLowerCase();
  const timestamp = Number(options.request.headers.get(TIMESTAMP_HEADER)?.trim());
  // Kept until the timestamp is out of the window on either side of the clock.
  const expiresAt = new Date((timestamp + REPLAY_WINDOW_SECONDS) * 1000 + 60_000).toISOString();
  const now = options.now.toISOString();
  const inserted = await db().$queryRaw<{ signature: string }[]>`
    WITH swept AS (
      DELETE FROM "AlertDeliverySignature"
      WHERE "expiresAt" < (${now}::timestamptz AT TIME ZONE 'UTC')
    )
    INSERT INTO "AlertDeliverySignature" ("signature", "sourceId", "expiresAt")
    VALUES (${signature}, ${options.sourceId}, (${expiresAt}::timestamptz AT TIME ZONE 'UTC'))
    ON CONFLICT ("signature") DO NOTHING
    RETURNING "signature"`;
  if (inserted.length === 0) {
    throw new AppError(
      "REPLAYED_DELIVERY",
      "This signed delivery was already received (a replay); sign each delivery with a fresh timestamp.",
    );
  }
}
