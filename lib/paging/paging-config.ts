import { z } from "zod";

const ZConfig = z.object({
  smtpUrl: z
    .string()
    .trim()
    .refine((value) => /^smtps?:\/\//.test(value), "BREAKGLASS_SMTP_URL must be smtp:// or smtps://")
    .optional(),
  smtpFrom: z.string().trim().min(3).default("Breakglass <breakglass@localhost>"),
  pagerDutyEventsUrl: z.url().default("https://events.pagerduty.com/v2/enqueue"),
  pagerDutyRoutingKey: z.string().trim().min(20).optional(),
  publicUrl: z.url().default("http://localhost:3000"),
  timeoutMs: z.coerce.number().int().min(100).max(60_000).default(10_000),
});
export type PagingConfig = z.output<typeof ZConfig>;

/** Read at each use (tests and operators change the environment; the values are cheap to parse). */
export function pagingConfig(source: NodeJS.ProcessEnv = process.env): PagingConfig {
  return ZConfig.parse({
    smtpUrl: source.BREAKGLASS_SMTP_URL || undefined,
    smtpFrom: source.BREAKGLASS_SMTP_FROM || undefined,
    pagerDutyEventsUrl: source.BREAKGLASS_PAGERDUTY_EVENTS_URL || undefined,
    pagerDutyRoutingKey: source.BREAKGLASS_PAGERDUTY_ROUTING_KEY || undefined,
    publicUrl: source.NEXTAUTH_URL || undefined,
    timeoutMs: source.BREAKGLASS_PAGING_TIMEOUT_MS || undefined,
  });
}

/** A page's link, absolute on the console's public URL. */
export function absoluteLink(path: string, config = pagingConfig()): string {
  return new URL(path, config.publicUrl).toString();
}
