import pg from "pg";

/**
 * One incident with `events` timeline events of the kinds a busy incident has (notes with Markdown, status
 * updates, checklist ticks, on-chain verifications, lifecycle changes), written set-based. Returns its ref.
 */
export async function seedLongTimeline(databaseUrl: string, events: number): Promise<string> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    await client.query(`ALTER TABLE "TimelineEvent" DISABLE TRIGGER "TimelineEvent_notify"`);
    const { rows } = await client.query<{ id: string; number: number }>(
      `INSERT INTO "Incident" (id, title, "severityName", "severityRank", "severityColor", "responseTargetSeconds",
         "updateCadenceSeconds", status, phase, impact, "declaredAt", "acknowledgedAt", "updatedAt")
       VALUES ('bench-timeline-' || md5(random()::text), 'Bridge attestation forgery (long timeline)', 'P1', 0,
         '#dc2626', 900, 1800, 'mitigating', 'contain', 'Bridge withdrawals at risk',
         now() - interval '6 hours', now() - interval '355 minutes', now())
       RETURNING id, number`,
    );
    const incident = rows[0]!;
    await client.query(
      `INSERT INTO "TimelineEvent" ("incidentId", kind, payload, "authorType", "authorLabel", "createdAt")
       SELECT $1, k.kind, k.payload, 'member', (ARRAY['Bob Okafor', 'Dave Kim', 'Carol Diaz'])[1 + g % 3],
              now() - interval '6 hours' + (g * 2 || ' seconds')::interval
       FROM generate_series(1, $2::int) AS g,
       LATERAL (SELECT CASE
         WHEN g = 1 THEN 'incident.declared'
         WHEN g % 10 = 3 THEN 'comms.update_posted'
         WHEN g % 10 = 5 THEN 'checklist.item_checked'
         WHEN g % 10 = 7 THEN 'verification.recorded'
         WHEN g % 50 = 9 THEN 'incident.status_changed'
         ELSE 'note.added' END AS kind) AS t,
       LATERAL (SELECT t.kind, CASE t.kind
         WHEN 'incident.declared' THEN jsonb_build_object('title', 'Bridge attestation forgery', 'severity', 'P1',
           'impact', 'Bridge withdrawals at risk', 'detectedVia', 'monitoring', 'affectedContracts', '[]'::jsonb, 'isDrill', false)
         WHEN 'comms.update_posted' THEN jsonb_build_object('template', 'investigating',
           'text', 'INCIDENT: Bridge attestation forgery' || chr(10) || 'Status: Mitigating' || chr(10) || 'Update ' || g)
         WHEN 'checklist.item_checked' THEN jsonb_build_object('isChecked', true, 'text', 'Confirm pause on chain ' || g)
         WHEN 'verification.recorded' THEN jsonb_build_object('contract', 'GlobalPauseRegistry',
           'signature', 'isGloballyPaused()(bool)', 'actual', 'true', 'expected', 'true', 'isPassed', true,
           'address', '0x0', 'args', '[]'::jsonb, 'blockNumber', g::text)
         WHEN 'incident.status_changed' THEN jsonb_build_object('from', 'investigating', 'to', 'mitigating')
         ELSE jsonb_build_object('markdown', 'Checked **relay** logs for batch ' || g ||
           CASE WHEN g % 4 = 0 THEN chr(10) || chr(10) || '- signer set unchanged' || chr(10) || '- \`attest()\` reverted' ELSE '' END)
         END AS payload) AS k`,
      [incident.id, events],
    );
    await client.query(`ALTER TABLE "TimelineEvent" ENABLE TRIGGER "TimelineEvent_notify"`);
    await client.query(`ANALYZE "TimelineEvent"`);
    return `INC-${incident.number}`;
  } finally {
    await client.end();
  }
}
