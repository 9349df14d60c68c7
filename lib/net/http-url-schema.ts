import { z } from "zod";

/** An outbound URL as entered in Settings (a channel, a contact route): http(s) only, before the public-address guard. */
export const ZHttpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "must be an http(s) URL");
