import { incidentAnsweredTask, incidentDeclaredTask, proposalChangedTask } from "../paging";
import { registerTimelineHook, unregisterTimelineHook } from "../timeline";

const PROPOSAL_CHANGE_DELAY_MS = 1_000;

/**
 * Cross-domain reactions, wired here at the edge instead of lib/incidents or lib/safe importing lib/paging.
 * Each hook queues a job in the event's own transaction: a page exists iff the change it reacts to
 * committed, whichever route, API or alert made it. Returns what removes them again (a benchmark that wired
 * them for its own database, in a process that goes on to others).
 */
export function registerTimelineHooks(): () => void {
  registerTimelineHook("paging.incident-declared", ["incident.declared"], (tx, event) =>
    incidentDeclaredTask
      .add({ incidentId: event.incidentId }, { tx, jobKey: `incident-declared:${event.incidentId}` })
      .then(() => {}),
  );
  registerTimelineHook(
    "paging.incident-answered",
    ["incident.acknowledged", "incident.resolved"],
    (tx, event) =>
      incidentAnsweredTask
        .add(
          {
            incidentId: event.incidentId,
            memberId: event.authorType === "member" ? event.authorId : null,
            reason:
              event.kind === "incident.resolved"
                ? "the incident was resolved"
                : "the incident was acknowledged",
          },
          { tx },
        )
        .then(() => {}),
  );
  registerTimelineHook(
    "paging.proposal-changed",
    ["proposal.created", "proposal.signed", "proposal.state_changed", "proposal.executed"],
    (tx, event) => {
      const proposalId = (event.payload as { proposalId?: string }).proposalId;
      if (!proposalId) return Promise.resolve();
      // A new proposal pages its signers at once. Later changes (signatures, state) only narrow or stop
      // that page: they wait a second and coalesce (one job per proposal, its first run time kept), so a
      // burst of signatures is one re-count after the burst, not one per signature competing with it.
      const isNew = event.kind === "proposal.created";
      return proposalChangedTask
        .add(
          { proposalId },
          {
            tx,
            queueName: `proposal-${proposalId}`,
            ...(isNew
              ? {}
              : {
                  jobKey: `proposal-changed:${proposalId}`,
                  jobKeyMode: "preserve_run_at" as const,
                  runAt: new Date(Date.now() + PROPOSAL_CHANGE_DELAY_MS),
                }),
          },
        )
        .then(() => {});
    },
  );
  return () => {
    for (const name of ["paging.incident-declared", "paging.incident-answered", "paging.proposal-changed"])
      unregisterTimelineHook(name);
  };
}
