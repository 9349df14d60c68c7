import { z } from "zod";
import type { Incident, TimelineEvent } from "../../db/generated/client";
import { formatIncidentRef, INCIDENT_PHASES, INCIDENT_STATUSES } from "../incident-words";

/** What the API answers: zod schemas, so the OpenAPI document and the responses cannot drift apart. */
const ZTime = z.iso.datetime();
export const ZApiIncident = z.object({
  ref: z.string().meta({ example: "INC-42" }),
  title: z.string(),
  severity: z.object({
    name: z.string(),
    rank: z.number().int(),
    color: z.string(),
    responseTargetSeconds: z.number().int(),
    updateCadenceSeconds: z.number().int(),
  }),
  status: z.enum(INCIDENT_STATUSES),
  phase: z.enum(INCIDENT_PHASES),
  impact: z.string(),
  detectedVia: z.string(),
  affectedContracts: z.array(z.string()),
  isDrill: z.boolean(),
  roles: z.object({
    commanderId: z.string().nullable(),
    commsLeadId: z.string().nullable(),
    scribeId: z.string().nullable(),
  }),
  declaredAt: ZTime,
  acknowledgedAt: ZTime.nullable(),
  containedAt: ZTime.nullable(),
  resolvedAt: ZTime.nullable(),
  nextUpdateDueAt: ZTime.nullable(),
});
export type ApiIncident = z.infer<typeof ZApiIncident>;

export const ZApiEvent = z.object({
  id: z.number().int(),
  kind: z.string(),
  payload: z.record(z.string(), z.unknown()),
  author: z.object({ type: z.string(), id: z.string().nullable(), label: z.string() }),
  correctsId: z.number().int().nullable(),
  createdAt: ZTime,
});
export type ApiEvent = z.infer<typeof ZApiEvent>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toApiIncident(incident: Incident): ApiIncident {
  return {
    ref: formatIncidentRef(incident.number),
    title: incident.title,
    severity: {
      name: incident.severityName,
      rank: incident.severityRank,
      color: incident.severityColor,
      responseTargetSeconds: incident.responseTargetSeconds,
      updateCadenceSeconds: incident.updateCadenceSeconds,
    },
    status: incident.status,
    phase: incident.phase,
    impact: incident.impact,
    detectedVia: incident.detectedVia,
    affectedContracts: incident.affectedContracts,
    isDrill: incident.isDrill,
    roles: {
      commanderId: incident.commanderId,
      commsLeadId: incident.commsLeadId,
      scribeId: incident.scribeId,
    },
    declaredAt: incident.declaredAt.toISOString(),
    acknowledgedAt: iso(incident.acknowledgedAt),
    containedAt: iso(incident.containedAt),
    resolvedAt: iso(incident.resolvedAt),
    nextUpdateDueAt: iso(incident.nextUpdateDueAt),
  };
}

export function toApiEvent(event: TimelineEvent): ApiEvent {
  return {
    id: event.id,
    kind: event.kind,
    payload: (event.payload ?? {}) as Record<string, unknown>,
    author: { type: event.authorType, id: event.authorId, label: event.authorLabel },
    correctsId: event.correctsId,
    createdAt: event.createdAt.toISOString(),
  };
}
