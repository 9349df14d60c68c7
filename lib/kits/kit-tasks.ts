import { z } from "zod";
import { defineCron, defineTask } from "../jobs";
import { recheckKits } from "./recheck-kits";

/**
 * The readiness recheck as a job: every minute for every kit (the cron), and on demand for one Safe's kits
 * when a chain event concerns it (`recheckKitsTask.add({ safeId })`, e.g. from the chain watch).
 */
export const recheckKitsTask = defineTask({
  name: "kits.recheck",
  payload: z.object({ safeId: z.string().min(1).optional(), kitId: z.string().min(1).optional() }),
  maxAttempts: 3,
  run: async (payload) => {
    await recheckKits(payload);
  },
});

export const recheckKitsCron = defineCron({
  identifier: "kits.recheck",
  schedule: "* * * * *",
  task: recheckKitsTask,
});
