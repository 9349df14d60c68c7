import { receiveAlertWebhook } from "@/lib/alerts";

// Machine-to-machine: authenticated by the alert source's secret (lib/alerts/verify-alert-request.ts), not a session.
export const POST = (request: Request) => receiveAlertWebhook(request, "alertmanager");
