import nodemailer, { type Transporter } from "nodemailer";
import { postToPublicUrl } from "../net";
import type { ContactTarget } from "./contact-targets";
import { type PageMessage, pageSubject, pageText } from "./page-message";
import { pagingConfig } from "./paging-config";

const transports = new Map<string, Transporter>();

function mailer(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

/** PagerDuty's severity scale, from the incident's rank in our scheme (1 = worst). */
function pagerDutySeverity(severity: string | null): "critical" | "error" | "warning" | "info" {
  const rank = Number(/(\d+)/.exec(severity ?? "")?.[1] ?? Number.NaN);
  if (Number.isNaN(rank)) return "error";
  return rank <= 1 ? "critical" : rank === 2 ? "error" : rank === 3 ? "warning" : "info";
}

/**
 * Sends one page to one route. null when the receiver took it (SMTP accepted, HTTP 2xx); otherwise a short
 * reason that never contains the URL, address or key. HTTP goes through the outbound guard (lib/net).
 */
export async function sendPage(target: ContactTarget, message: PageMessage): Promise<string | null> {
  const config = pagingConfig();
  const headers = {
    "content-type": "application/json",
    "user-agent": "Breakglass-Pager/1",
    "x-breakglass-delivery": message.deliveryId,
    // A fresh connection per page: reusing a kept-alive socket the receiver is closing fails the send after
    // the receiver may have read it, and the retry would page that person twice.
    connection: "close",
  };
  const post = async (url: string, body: unknown) => {
    const result = await postToPublicUrl(url, {
      headers,
      body: JSON.stringify(body),
      timeoutMs: config.timeoutMs,
    });
    if (!result.ok) return result.reason;
    return result.status >= 200 && result.status < 300 ? null : `HTTP ${result.status}`;
  };
  switch (target.kind) {
    case "email": {
      if (!config.smtpUrl) return "e-mail is not configured (BREAKGLASS_SMTP_URL)";
      try {
        await mailer(config.smtpUrl).sendMail({
          from: config.smtpFrom,
          to: target.address,
          subject: pageSubject(message),
          text: `${message.recipientName},\n\n${message.ask}.\n\n${message.link}\n\n— Breakglass`,
          headers: { "X-Breakglass-Delivery": message.deliveryId },
        });
        return null;
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        return code ? `SMTP ${code}` : "the SMTP server could not be reached";
      }
    }
    case "slack": {
      const mention = target.mention ? `<@${target.mention}> ` : "";
      return post(target.url, {
        text: `${mention}${pageText(message)}`,
        blocks: [
          {
            type: "section",
            text: {
              type: "mrkdwn",
              text: `${mention}*${escapeSlack(pageSubject(message))}*\n${escapeSlack(message.ask)}`,
            },
          },
          {
            type: "actions",
            elements: [{ type: "button", text: { type: "plain_text", text: "Open" }, url: message.link }],
          },
        ],
      });
    }
    case "webhook":
      return post(target.url, {
        source: "breakglass",
        type: "page",
        page: {
          id: message.pageId,
          title: message.title,
          severity: message.severity,
          ask: message.ask,
          link: message.link,
          isTest: message.isTest ?? false,
        },
        recipient: { name: message.recipientName },
        deliveryId: message.deliveryId,
      });
    case "pagerduty": {
      const routingKey = target.routingKey ?? config.pagerDutyRoutingKey;
      if (!routingKey) return "no PagerDuty routing key (route or BREAKGLASS_PAGERDUTY_ROUTING_KEY)";
      return post(config.pagerDutyEventsUrl, {
        routing_key: routingKey,
        event_action: "trigger",
        // One PagerDuty incident per Breakglass page and person; reminders update it rather than add more.
        dedup_key: `breakglass-${message.pageId}-${message.recipientName}`.slice(0, 255),
        payload: {
          summary: `${pageSubject(message)}: ${message.ask}`.slice(0, 1024),
          source: "breakglass",
          severity: pagerDutySeverity(message.severity),
        },
        links: [{ href: message.link, text: "Open in Breakglass" }],
      });
    }
  }
}

function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
