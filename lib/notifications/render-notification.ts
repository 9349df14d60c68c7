import type { NotificationMessage } from "./build-notification-message";

/** The body a channel receives: Slack's incoming-webhook shape, or the message as generic JSON. */
export function renderNotification(kind: string, message: NotificationMessage): Record<string, unknown> {
  if (kind !== "slack") return { source: "breakglass", ...message };
  const link = message.incident.url
    ? `<${message.incident.url}|${message.incident.ref}>`
    : message.incident.ref;
  // Escape the text first (it holds people's words), then put our own link in place of the ref.
  const headline = escapeSlack(message.text).replace(message.incident.ref, `*${link}*`);
  return {
    text: message.text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: headline } },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: `Breakglass · ${message.event.replace("_", " ")} · ${message.incident.severity} · ${message.incident.status}`,
          },
        ],
      },
    ],
  };
}

/** Slack treats &, < and > as control characters. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
