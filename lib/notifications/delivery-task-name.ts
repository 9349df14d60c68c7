/** The job that delivers one notification; its key makes "one pending job per notification". */
export const DELIVER_NOTIFICATION_TASK = "notifications.deliver";

export function deliveryJobKey(notificationId: string): string {
  return `notification:${notificationId}`;
}
