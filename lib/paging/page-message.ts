/**
 * Everything a page may say (issue #18, safety): title, severity, what is asked, the link, and the
 * recipient's name. Nothing else reaches a sender: no note, signature, payload or secret can leak into a
 * page because the senders only ever see this type.
 */
export type PageMessage = {
  pageId: string;
  title: string;
  severity: string | null;
  ask: string;
  /** Absolute URL (the page's path on NEXTAUTH_URL). */
  link: string;
  recipientName: string;
  /** Receivers deduplicate retries with this. */
  deliveryId: string;
  isTest?: boolean;
};

export function pageSubject(message: PageMessage): string {
  const prefix = message.isTest ? "[test] " : message.severity ? `[${message.severity}] ` : "";
  return `${prefix}${message.title}`;
}

export function pageText(message: PageMessage): string {
  return `${pageSubject(message)}: ${message.ask}. ${message.link}`;
}
