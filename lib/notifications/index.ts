export {
  buildNotificationMessage,
  type NotificationMessage,
  notificationEventFor,
} from "./build-notification-message";
export { type DeadLetter, listDeadLetters, replayNotification } from "./dead-letters";
export {
  DEFAULT_RETRY_POLICY,
  type DeliveryReport,
  deliverDueNotifications,
  type RetryPolicy,
} from "./deliver-due-notifications";
export { enqueueNotificationsForEvent } from "./enqueue-notifications";
export { enqueueStandaloneNotification, type StandaloneMessage } from "./enqueue-standalone-notification";
export {
  type ChannelView,
  createChannel,
  deleteChannel,
  listChannels,
  updateChannel,
} from "./manage-channels";
export {
  deliverNotificationTask,
  sweepNotificationsCron,
  sweepNotificationsTask,
} from "./notification-tasks";
export { renderNotification } from "./render-notification";
export {
  CHANNEL_KINDS,
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  type TCreateChannel,
  type TUpdateChannel,
  ZCreateChannel,
  ZUpdateChannel,
} from "./schemas";
export { wireTimelineSubscribers } from "./wire-timeline-subscribers";
