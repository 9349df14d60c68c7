import { Logger } from "graphile-worker";

/** graphile-worker logs every job at info; keep warnings and errors (with their job), drop the chatter. */
export const quietLogger = new Logger((scope) => (level, message) => {
  if (level !== "error" && level !== "warning") return;
  const where = scope.taskIdentifier
    ? ` [${scope.taskIdentifier}${scope.jobId ? ` #${scope.jobId}` : ""}]`
    : "";
  const line = `[breakglass jobs]${where} ${message}`;
  if (level === "error") console.error(line);
  else console.warn(line);
});
