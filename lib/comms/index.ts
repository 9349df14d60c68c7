export {
  buildCommsTemplates,
  type CommsEvent,
  type CommsIncident,
  type CommsTemplate,
} from "./build-comms-templates";
export { computeUpdateReminder, type UpdateReminder } from "./compute-update-reminder";
