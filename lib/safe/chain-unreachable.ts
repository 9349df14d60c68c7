import { AppError } from "../errors";

/**
 * The one place that decides "the chain did not answer" (as opposed to "it answered: no"). viem's fallback
 * transport throws the last URL's error once every RPC URL has failed: an HttpRequestError (connection
 * refused, HTTP 5xx) or a TimeoutError, usually wrapped (e.g. in a ContractFunctionExecutionError) with the
 * transport error as its cause. A revert or an RPC error answer is NOT unreachable: the node answered.
 */
const UNREACHABLE_NAMES = new Set([
  "HttpRequestError",
  "TimeoutError",
  "WebSocketRequestError",
  "SocketClosedError",
]);
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);

export const CHAIN_UNREACHABLE_REASON = "RPC unreachable";

export function isChainUnreachable(error: unknown): boolean {
  let current = error as { name?: string; code?: unknown; details?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current instanceof AppError)
      return current.code === "UNAVAILABLE" && current.details?.reason === "chain_unreachable";
    if (current.name && UNREACHABLE_NAMES.has(current.name)) return true;
    if (typeof current.code === "string" && UNREACHABLE_CODES.has(current.code)) return true;
    current = current.cause as typeof current;
  }
  return false;
}

/** A 503 that says what waits and why; recognised again by isChainUnreachable. */
export function chainUnavailable(message: string, cause?: unknown): AppError {
  return new AppError("UNAVAILABLE", message, { cause, details: { reason: "chain_unreachable" } });
}

/** Runs a chain step; "the chain is down" becomes the given 503, any other error passes unchanged. */
export async function orChainUnavailable<T>(message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isChainUnreachable(error) && !(error instanceof AppError)) throw chainUnavailable(message, error);
    throw error;
  }
}
