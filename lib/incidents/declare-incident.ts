import type { Actor } from "../auth";
import { type DbTransaction, db } from "../db/client";
import type { Incident } from "../db/generated/client";
import { AppError } from "../errors";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { type TDeclareIncident, ZDeclareIncident } from "./schemas";

/**
 * Attaches one runbook chosen at declaration, inside the declaring transaction. Injected by the caller (the
 * route wires lib/runbooks' attachRunbookInTx): runbooks sit above incidents, so this domain cannot import them.
 */
export type AttachRunbookHook = (
  tx: DbTransaction,
  options: {
    incidentId: string;
    input: NonNullable<TDeclareIncident["runbooks"]>[number];
    author: EventAuthor;
  },
) => Promise<unknown>;

export type DeclareIncidentOptions = {
  input: TDeclareIncident;
  /** Required when the input names runbooks; without it such a declaration is refused before anything is written. */
  attachRunbook?: AttachRunbookHook;
  author: EventAuthor;
  /** The declaring member becomes commander unless the caller says otherwise (API tokens have no member). */
  commander?: Actor | null;
  now?: Date;
  /**
   * Runs inside the declaration's transaction, after the incident and its first events: what another domain
   * creates with the incident (a drill's fork registration) exists with it, or neither does.
   */
  onDeclared?: (tx: DbTransaction, incident: Incident) => Promise<void>;
};

/**
 * Declares an incident with a copy of its severity level (later edits of the scheme never change it) and its
 * first timeline event, in one transaction. A repeated idempotency key returns the incident it created.
 */
export async function declareIncident(
  options: DeclareIncidentOptions,
): Promise<{ incident: Incident; isNew: boolean }> {
  const input = ZDeclareIncident.parse(options.input);
  if (input.idempotencyKey) {
    const existing = await db().incident.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    if (existing) return { incident: existing, isNew: false };
  }
  const { attachRunbook } = options;
  if (input.runbooks.length > 0 && !attachRunbook) {
    throw new AppError("UNPROCESSABLE", "runbooks: this caller cannot attach runbooks at declaration.", {
      fields: [{ path: "runbooks", message: "cannot be attached here" }],
    });
  }
  const level = await db().severityLevel.findUnique({ where: { name: input.severity } });
  if (!level) {
    throw new AppError(
      "UNPROCESSABLE",
      `severity: ${input.severity} is not a level of this protocol's scheme.`,
      {
        fields: [{ path: "severity", message: `${input.severity} is not a level of this protocol's scheme` }],
      },
    );
  }
  const now = options.now ?? new Date();
  const commanderId = options.commander?.kind === "member" ? options.commander.id : null;
  try {
    const incident = await db().$transaction(async (tx) => {
      const created = await tx.incident.create({
        data: {
          title: input.title,
          severityName: level.name,
          severityRank: level.rank,
          severityColor: level.color,
          responseTargetSeconds: level.responseTargetSeconds,
          updateCadenceSeconds: level.updateCadenceSeconds,
          impact: input.impact,
          detectedVia: input.detectedVia,
          affectedContracts: input.affectedContracts,
          isDrill: input.isDrill,
          idempotencyKey: input.idempotencyKey ?? null,
          commanderId,
          declaredById: options.author.type === "member" ? options.author.id : null,
          declaredAt: now,
          nextUpdateDueAt: new Date(now.getTime() + level.updateCadenceSeconds * 1000),
        },
      });
      await appendTimelineEvent(tx, {
        incidentId: created.id,
        kind: "incident.declared",
        author: options.author,
        at: now,
        payload: {
          title: created.title,
          severity: level.name,
          impact: created.impact,
          detectedVia: created.detectedVia,
          affectedContracts: created.affectedContracts,
          isDrill: created.isDrill,
        },
      });
      if (commanderId && options.commander) {
        await appendTimelineEvent(tx, {
          incidentId: created.id,
          kind: "incident.role_assigned",
          author: options.author,
          at: now,
          payload: {
            role: "commander",
            member: { id: commanderId, name: options.commander.name },
            previous: null,
          },
        });
      }
      // Runbooks chosen at declaration are attached in the same transaction: declared with its plan, or not at all.
      for (const runbook of input.runbooks) {
        await attachRunbook!(tx, { incidentId: created.id, input: runbook, author: options.author });
      }
      await options.onDeclared?.(tx, created);
      return created;
    });
    return { incident, isNew: true };
  } catch (error) {
    // Two submits with one key raced past the lookup: the unique index let one win; return it.
    if (input.idempotencyKey && (error as { code?: string })?.code === "P2002") {
      const existing = await db().incident.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
      if (existing) return { incident: existing, isNew: false };
    }
    throw error;
  }
}
