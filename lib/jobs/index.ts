export { type AddJobOptions, addJob, addJobs, removeJob } from "./add-job";
export { type CronDefinition, defineCron } from "./define-cron";
export { defineTask, type TaskContext, type TaskDefinition } from "./define-task";
export { JOBS_SCHEMA } from "./jobs-schema";
export { migrateJobs } from "./migrate-jobs";
export { type JobRunner, type JobRunnerOptions, startJobRunner } from "./start-job-runner";
export { recoverCrashedWorkers } from "./worker-liveness";
