import { db } from "../db/client";
import { isAppError } from "../errors";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { breakGlass, scrub } from "./break-glass";
import { executorAccount } from "./manage-executor-key";

export type RoutedAlert = {
  alertId: string | null;
  outcome: string;
  incidentId: string | null;
  routeId: string | null;
  name: string;
};

export type AutomaticRun = {
  kitId: string;
  alertId: string;
  outcome: "executed" | "skipped" | "failed";
  reason: string;
};

const FIRING = new Set(["declared", "attached", "counted"]);

/**
 * Called with what an alert delivery ingested (wired at the alert routes' edge). A routing rule may name a
 * kit; it runs only when the kit's own switch is on (commanders), it is pause-like, an executor key is
 * configured, and its cool-down has passed. The cool-down is claimed with a compare-and-set on
 * lastAutoRunAt, so a burst of alerts (or several instances) breaks the glass once.
 */
export async function runAutomaticKits(
  alerts: RoutedAlert[],
  source: { name: string },
  author: EventAuthor,
  now = new Date(),
): Promise<AutomaticRun[]> {
  const routed = alerts.filter((a) => a.routeId && a.alertId && a.incidentId && FIRING.has(a.outcome));
  if (routed.length === 0) return [];
  const routes = await db().alertRoute.findMany({
    where: { id: { in: routed.map((a) => a.routeId!) }, kitId: { not: null } },
    select: { id: true, kitId: true },
  });
  const runs: AutomaticRun[] = [];
  for (const alert of routed) {
    const kitId = routes.find((r) => r.id === alert.routeId)?.kitId;
    if (!kitId) continue;
    runs.push(
      await runOne(
        kitId,
        { alertId: alert.alertId!, incidentId: alert.incidentId!, name: alert.name },
        source,
        author,
        now,
      ),
    );
  }
  return runs;
}

async function runOne(
  kitId: string,
  alert: { alertId: string; incidentId: string; name: string },
  source: { name: string },
  author: EventAuthor,
  now: Date,
): Promise<AutomaticRun> {
  const kit = await db().emergencyKit.findUnique({ where: { id: kitId } });
  const ref = { id: alert.alertId, name: alert.name, source: source.name };
  const base = { kitId, alertId: alert.alertId };
  if (!kit) return { ...base, outcome: "skipped", reason: "the kit no longer exists" };
  const skip = async (reason: string): Promise<AutomaticRun> => {
    await db().$transaction((tx) =>
      appendTimelineEvent(tx, {
        incidentId: alert.incidentId,
        kind: "kit.automatic_skipped",
        author,
        payload: { kitId, kit: kit.name, alert: ref, reason },
      }),
    );
    return { ...base, outcome: "skipped", reason };
  };
  // A rule still naming a retired kit is a readiness gap the responders must see: said on the timeline.
  if (kit.retiredAt)
    return skip(`the kit was retired on ${kit.retiredAt.toISOString().slice(0, 10)} (${kit.retiredReason})`);
  // Off (the default): nothing happens and nothing is written; the alert is handled as any other.
  if (!kit.isAutoEnabled) return { ...base, outcome: "skipped", reason: "automatic execution is off" };
  if (!kit.isPauseLike) return skip("only pause-like kits run automatically");
  if (!(await executorAccount())) return skip("no executor key is configured");
  const claimed = await db().emergencyKit.updateMany({
    where: {
      id: kitId,
      isAutoEnabled: true,
      OR: [
        { lastAutoRunAt: null },
        { lastAutoRunAt: { lt: new Date(now.getTime() - kit.autoCooldownSeconds * 1000) } },
      ],
    },
    data: { lastAutoRunAt: now },
  });
  if (claimed.count === 0)
    return skip(
      `inside the cool-down (${kit.autoCooldownSeconds} s since the last automatic run at ${kit.lastAutoRunAt?.toISOString().slice(11, 19) ?? "?"} UTC)`,
    );
  try {
    await breakGlass({
      kitId,
      input: { mode: "executor", incident: alert.incidentId },
      actorKey: `alert:${alert.alertId}`,
      author,
      alert: ref,
    });
    return { ...base, outcome: "executed", reason: `alert ${alert.name} from ${source.name}` };
  } catch (error) {
    // breakGlass wrote the refusal on the timeline; the alert itself is still recorded and routed.
    if (!isAppError(error)) console.error(`[breakglass] automatic kit ${kitId} failed: ${scrub(error)}`);
    return { ...base, outcome: "failed", reason: scrub(error) };
  }
}
