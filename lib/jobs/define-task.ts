import type { z } from "zod";
import { type AddJobOptions, addJob } from "./add-job";

export type TaskContext = {
  /** 1 on the first run; graphile-worker counts crashed and failed runs too. */
  attempt: number;
  maxAttempts: number;
  /** True when a throw now would be the last one (the job then stays as permanently failed). */
  isLastAttempt: boolean;
  jobId: string;
  abortSignal: AbortSignal;
};

export type TaskDefinition<TPayload = unknown> = {
  name: string;
  maxAttempts: number;
  /** Parses the stored payload first: a job written by an older version fails loudly, not half-way. */
  run: (payload: unknown, context: TaskContext) => Promise<void>;
  /** Queues this task; pass `tx` to queue it in a Prisma transaction (queued iff the transaction commits). */
  add: (payload: TPayload, options?: Omit<AddJobOptions, "maxAttempts">) => Promise<string>;
};

/**
 * A task is a name, a zod schema for its payload and a handler. Domains define their tasks beside their code
 * (and queue them through `.add`); the edge (lib/tasks) hands the list to the runner. A handler that throws is
 * retried by graphile-worker with exponential backoff (e^attempt seconds, capped at e^10) up to maxAttempts.
 */
export function defineTask<TSchema extends z.ZodType>(definition: {
  name: string;
  payload: TSchema;
  maxAttempts?: number;
  run: (payload: z.output<TSchema>, context: TaskContext) => Promise<void>;
}): TaskDefinition<z.input<TSchema>> {
  const maxAttempts = definition.maxAttempts ?? 10;
  if (!/^[a-z][a-z0-9_.:-]*$/.test(definition.name)) throw new Error(`bad task name "${definition.name}"`);
  return {
    name: definition.name,
    maxAttempts,
    run: (payload, context) => definition.run(definition.payload.parse(payload), context),
    add: async (payload, options = {}) =>
      addJob(definition.name, definition.payload.parse(payload), { maxAttempts, ...options }),
  };
}
