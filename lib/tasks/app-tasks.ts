import type { CronDefinition, TaskDefinition } from "../jobs";
import { recheckKitsCron, recheckKitsTask } from "../kits";
import { deliverNotificationTask, sweepNotificationsCron, sweepNotificationsTask } from "../notifications";
import { PAGING_TASKS } from "../paging";

/**
 * Every background task and cron of the console, in one list: the edge where domains meet the job engine.
 * A domain defines its tasks beside its code (lib/<domain>/…-tasks.ts) and adds them here; lib/jobs knows none.
 */
export const APP_TASKS: TaskDefinition<never>[] = [
  deliverNotificationTask,
  sweepNotificationsTask,
  recheckKitsTask as TaskDefinition<never>,
  ...PAGING_TASKS,
];

export const APP_CRONS: CronDefinition[] = [sweepNotificationsCron, recheckKitsCron];
