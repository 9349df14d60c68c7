import type { TaskDefinition } from "./define-task";

export type CronDefinition = {
  /** Stable name: graphile-worker remembers when it last ran, so a restart neither skips nor repeats a slot. */
  identifier: string;
  /** Standard 5-field crontab pattern in UTC, e.g. "* * * * *" for every minute. */
  schedule: string;
  task: TaskDefinition<never>;
  payload?: Record<string, unknown>;
  /** Run missed slots up to this far back after a restart (default: none). */
  backfillMs?: number;
};

/**
 * A recurring task (a readiness recheck every minute, a sweep). Several instances may register the same cron:
 * each slot becomes one job (graphile-worker keys it by identifier and time), so it runs once, not once each.
 */
export function defineCron(definition: CronDefinition): CronDefinition {
  if (definition.schedule.trim().split(/\s+/).length !== 5)
    throw new Error(`cron "${definition.identifier}": schedule must have 5 fields`);
  return definition;
}
