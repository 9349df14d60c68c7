import { db } from "../db/client";
import type { Incident } from "../db/generated/client";
import { AppError } from "../errors";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { lockIncident } from "./lock-incident";
import { type TAssignRole, ZAssignRole } from "./schemas";

const COLUMN = { commander: "commanderId", comms_lead: "commsLeadId", scribe: "scribeId" } as const;

/** Assigns or hands off an incident role; the hand-off (who from, who to) is recorded on the timeline. */
export async function assignIncidentRole(options: {
  incidentId: string;
  input: TAssignRole;
  author: EventAuthor;
  now?: Date;
}): Promise<Incident> {
  const input = ZAssignRole.parse(options.input);
  const column = COLUMN[input.role];
  return db().$transaction(async (tx) => {
    const incident = await lockIncident(tx, options.incidentId);
    const previousId = incident[column];
    if (previousId === input.memberId) return incident;
    const [member, previous] = await Promise.all([
      input.memberId ? tx.member.findUnique({ where: { id: input.memberId } }) : null,
      previousId ? tx.member.findUnique({ where: { id: previousId } }) : null,
    ]);
    if (input.memberId && !member) {
      throw new AppError("UNPROCESSABLE", "memberId: is not a member of this console.", {
        fields: [{ path: "memberId", message: "is not a member of this console" }],
      });
    }
    if (member && input.role === "commander" && member.role === "viewer") {
      throw new AppError("UNPROCESSABLE", "memberId: a viewer cannot command an incident.", {
        fields: [{ path: "memberId", message: "a viewer cannot command an incident" }],
      });
    }
    const ref = (m: typeof member) => (m ? { id: m.id, name: m.displayName } : null);
    await appendTimelineEvent(tx, {
      incidentId: incident.id,
      kind: "incident.role_assigned",
      author: options.author,
      at: options.now,
      payload: {
        role: input.role,
        member: ref(member),
        previous: previousId ? (ref(previous) ?? { id: previousId, name: "(former member)" }) : null,
      },
    });
    return tx.incident.update({ where: { id: incident.id }, data: { [column]: input.memberId } });
  });
}
