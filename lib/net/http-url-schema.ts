import { z } from "zod";

/** A parseable http: or https: URL (settings and the environment check the same thing). */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** An outbound URL as entered in Settings (a channel, a contact route): http(s) only, before the public-address guard. */
export const ZHttpUrl = z.string().trim().max(2000).refine(isHttpUrl, "must be an http(s) URL");
