// What app/ route handlers import from the alerts domain: the webhook handler answers HTTP itself (Next's
// Response), so it stays out of index.ts, which scripts, benches and the other domains load.
export { type AlertEndpoint, receiveAlertWebhook } from "./receive-alert-webhook";
