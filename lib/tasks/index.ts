export { APP_CRONS, APP_TASKS } from "./app-tasks";
export { keepBackgroundJobsRunning, startBackgroundJobs, stopBackgroundJobs } from "./start-background-jobs";
