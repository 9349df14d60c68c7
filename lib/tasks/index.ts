export { APP_CRONS, APP_TASKS } from "./app-tasks";
export { registerTimelineHooks } from "./register-timeline-hooks";
export { keepBackgroundJobsRunning, startBackgroundJobs, stopBackgroundJobs } from "./start-background-jobs";
