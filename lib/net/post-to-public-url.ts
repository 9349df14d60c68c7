import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isAppError } from "../errors";
import {
  assertPublicUrl,
  type GuardOptions,
  OUTBOUND_REFUSED_REASON,
  publicLookup,
} from "./assert-public-url";

/** What a delivery records: the receiver's HTTP status, or one of two reasons that tell nothing of the network. */
export type OutboundResult = { ok: true; status: number } | { ok: false; reason: string };

/**
 * Every way a connection can fail (refused, reset, timed out, no route, no such name) reads the same: a
 * dead letter that said "ECONNREFUSED" for one port and "timed out" for another would map the network.
 */
export const OUTBOUND_UNREACHABLE_REASON = "the receiver could not be reached";

/**
 * POSTs `body` to an admin-configured URL through the outbound guard: http(s) only, public addresses only
 * (checked before connecting and on the address actually connected to), no redirects followed, the
 * response body discarded. Never throws; the URL (often a secret) is in no reason.
 */
export async function postToPublicUrl(
  target: string,
  options: {
    headers: Record<string, string>;
    body: string;
    timeoutMs: number;
    allow?: string[];
    /** Stands in for DNS (tests). */
    resolve?: GuardOptions["resolve"];
  },
): Promise<OutboundResult> {
  let url: URL;
  try {
    url = await assertPublicUrl(target, { allow: options.allow, resolve: options.resolve });
  } catch (error) {
    if (isAppError(error) && error.details?.isRefusedDestination)
      return { ok: false, reason: OUTBOUND_REFUSED_REASON };
    return { ok: false, reason: "the URL is not a valid http(s) URL" };
  }
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<OutboundResult>((resolve) => {
    const request = send(
      url,
      {
        method: "POST",
        headers: { ...options.headers, "content-length": String(Buffer.byteLength(options.body)) },
        lookup: publicLookup(url, { allow: options.allow, resolve: options.resolve }),
        timeout: options.timeoutMs,
      },
      (response) => {
        response.resume();
        resolve({ ok: true, status: response.statusCode ?? 0 });
      },
    );
    const timer = setTimeout(() => request.destroy(new Error("timeout")), options.timeoutMs);
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("close", () => clearTimeout(timer));
    request.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({
        ok: false,
        reason: error.code === "EOUTBOUNDREFUSED" ? OUTBOUND_REFUSED_REASON : OUTBOUND_UNREACHABLE_REASON,
      });
    });
    request.end(options.body);
  });
}
