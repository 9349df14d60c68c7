import pg from "pg";

/**
 * Fills a throwaway database with `incidents` incidents and `events` timeline events in a few set-based
 * statements (generate_series): 100k incidents and 1M events take seconds, not minutes. 1 % are still open
 * (1,000 at 100k: far more than a protocol ever has at once, so the open segment is not trivially empty). The live-notify
 * trigger is switched off while seeding — a million NOTIFYs nobody listens to would only cost time.
 */
export async function seedBenchData(
  databaseUrl: string,
  counts: { incidents: number; events: number },
): Promise<void> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    await client.query(`ALTER TABLE "TimelineEvent" DISABLE TRIGGER "TimelineEvent_notify"`);
    await client.query(
      `INSERT INTO "Incident" (id, title, "severityName", "severityRank", "severityColor", "responseTargetSeconds",
         "updateCadenceSeconds", status, phase, "declaredAt", "acknowledgedAt", "resolvedAt", "updatedAt")
       SELECT 'bench' || g,
              (ARRAY['Oracle stale on', 'Bridge attestation anomaly on', 'Relay down for', 'Unauthorized mint on',
                     'Liquidation cascade on', 'Frontend errors on'])[1 + g % 6] || ' market ' || (g % 997),
              'P' || (1 + g % 4), g % 4, '#dc2626', 900, 1800,
              (CASE WHEN g % 100 = 0 THEN 'investigating' ELSE 'resolved' END)::"IncidentStatus",
              (CASE WHEN g % 100 = 0 THEN 'triage' ELSE 'resolve' END)::"IncidentPhase",
              now() - (g || ' minutes')::interval,
              now() - (g || ' minutes')::interval + interval '4 minutes',
              CASE WHEN g % 100 = 0 THEN NULL ELSE now() - (g || ' minutes')::interval + interval '2 hours' END,
              now()
       FROM generate_series(1, $1::int) AS g`,
      [counts.incidents],
    );
    await client.query(
      `INSERT INTO "TimelineEvent" ("incidentId", kind, payload, "authorType", "authorLabel", "createdAt")
       SELECT 'bench' || (1 + g % $1::int), 'note.added',
              jsonb_build_object('markdown', 'Checked relay logs, batch ' || g), 'system', 'bench',
              now() - ((g % $1::int) || ' minutes')::interval + (g / $1::int || ' seconds')::interval
       FROM generate_series(1, $2::int) AS g`,
      [counts.incidents, counts.events],
    );
    await client.query(`ALTER TABLE "TimelineEvent" ENABLE TRIGGER "TimelineEvent_notify"`);
    await client.query(`ANALYZE "Incident"; ANALYZE "TimelineEvent"`);
  } finally {
    await client.end();
  }
}
