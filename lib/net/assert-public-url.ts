import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { AppError } from "../errors";

// The outbound-URL guard (SSRF). The console sends HTTP to URLs an admin typed (notification channels,
// paging contact routes): without this, a channel pointed at 127.0.0.1, [::1], 0x7f000001, 169.254.169.254 or
// 10.x reaches services that trust the console's network position, and its dead letters tell which ports
// answer. Only public unicast addresses are allowed, checked after DNS resolution (a name that resolves to
// loopback is refused too) and again at connect time (`publicLookup`), so a name that re-resolves between
// the check and the request (DNS rebinding) is refused as well.
//
// Exceptions are explicit: `BREAKGLASS_OUTBOUND_ALLOW` lists hosts (`host` or `host:port`, comma-separated)
// that an operator allows although they are internal (an on-premises Mattermost, a test sink on 127.0.0.1).

const REFUSED = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const)
  REFUSED.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128],
  ["::", 96], // IPv4-compatible (deprecated)
  ["64:ff9b::", 96], // NAT64: would reach an embedded IPv4 address
  ["64:ff9b:1::", 48],
  ["100::", 64], // discard
  ["2001::", 32], // Teredo
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4: embeds an IPv4 address
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const)
  REFUSED.addSubnet(network, prefix, "ipv6");

/** The one reason a refused destination gets, wherever it shows (an API answer, a dead letter). */
export const OUTBOUND_REFUSED_REASON =
  "the destination is a loopback, private, link-local or reserved address; an operator can allow the host in BREAKGLASS_OUTBOUND_ALLOW";

/** Whether an IP address (v4, v6, or v4-mapped v6) is one the console may send to. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  // BlockList checks ::ffff:a.b.c.d against the IPv4 rules too.
  return !REFUSED.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** `host` or `host:port` entries, canonicalised the way URLs are (so `0x7f000001` and `127.0.0.1` agree). */
export function parseOutboundAllowList(value: string | undefined): { hostname: string; port: string }[] {
  return (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((entry) => {
      const url = new URL(`http://${entry}`);
      return { hostname: url.hostname.toLowerCase(), port: url.port };
    });
}

/** Read at each use (not cached with the rest of the environment) so tests and operators set it explicitly. */
function configuredAllowList() {
  return parseOutboundAllowList(process.env.BREAKGLASS_OUTBOUND_ALLOW);
}

export type GuardOptions = {
  /** Overrides BREAKGLASS_OUTBOUND_ALLOW (entries as `host` or `host:port`). */
  allow?: string[];
  /** The input field named in the 422 (default `url`). */
  field?: string;
  /** Stands in for DNS (tests: a name that resolves to loopback). */
  resolve?: (hostname: string) => Promise<{ address: string; family: number }[]>;
};

const systemResolve = (hostname: string) => dnsLookup(hostname, { all: true, verbatim: true });

function allowListFrom(options: GuardOptions) {
  return options.allow ? parseOutboundAllowList(options.allow.join(",")) : configuredAllowList();
}

function effectivePort(url: URL): string {
  return url.port || (url.protocol === "https:" ? "443" : "80");
}

export function isHostAllowed(url: URL, allow = configuredAllowList()): boolean {
  const hostname = url.hostname.toLowerCase();
  return allow.some(
    (entry) => entry.hostname === hostname && (entry.port === "" || entry.port === effectivePort(url)),
  );
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, "");

function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost") || name === "";
}

function refuse(field: string): never {
  throw new AppError("UNPROCESSABLE", `${field}: ${OUTBOUND_REFUSED_REASON}`, {
    fields: [{ path: field, message: OUTBOUND_REFUSED_REASON }],
    details: { isRefusedDestination: true },
  });
}

/**
 * Parses `value` and refuses it (422 naming `field`) unless it is http(s) to a public address or an allowed
 * host. Names are resolved: every address they resolve to must be public. A name that does not resolve now
 * passes (the delivery resolves it again through publicLookup and refuses it then).
 */
export async function assertPublicUrl(value: string, options: GuardOptions = {}): Promise<URL> {
  const field = options.field ?? "url";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError("UNPROCESSABLE", `${field}: must be an http(s) URL`, {
      fields: [{ path: field, message: "must be an http(s) URL" }],
    });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new AppError("UNPROCESSABLE", `${field}: must be an http(s) URL`, {
      fields: [{ path: field, message: "must be an http(s) URL" }],
    });
  }
  if (url.username || url.password) {
    throw new AppError("UNPROCESSABLE", `${field}: must not carry a user name or password`, {
      fields: [{ path: field, message: "must not carry a user name or password" }],
    });
  }
  if (isHostAllowed(url, allowListFrom(options))) return url;
  const host = bare(url.hostname);
  if (isIP(host)) {
    if (!isPublicAddress(host)) refuse(field);
    return url;
  }
  if (isLocalName(host)) refuse(field);
  const addresses = await (options.resolve ?? systemResolve)(host).catch(() => []);
  if (addresses.some((entry) => !isPublicAddress(entry.address))) refuse(field);
  return url;
}

/** The error a refused connection fails with; `code` lets callers give the generic reason. */
export class OutboundRefusedError extends Error {
  readonly code = "EOUTBOUNDREFUSED";
  constructor() {
    super(OUTBOUND_REFUSED_REASON);
    this.name = "OutboundRefusedError";
  }
}

/**
 * A `lookup` for node:http(s)/net that resolves like the system does and refuses any non-public address
 * (unless the host is allowed): the address checked is the address connected to. IP literals never reach
 * a lookup, so callers check them first (assertPublicUrl does).
 */
export function publicLookup(url: URL, options: GuardOptions = {}): LookupFunction {
  const isAllowed = isHostAllowed(url, allowListFrom(options));
  return (hostname, lookupOptions, callback) => {
    const wantsAll = Boolean((lookupOptions as { all?: boolean }).all);
    if (!isAllowed && isLocalName(hostname)) {
      callback(new OutboundRefusedError() as NodeJS.ErrnoException, "", 0);
      return;
    }
    const resolve =
      options.resolve ??
      ((name: string) =>
        dnsLookup(name, { all: true, verbatim: true, family: lookupOptions.family as 0 | 4 | 6 }));
    resolve(hostname).then(
      (addresses: { address: string; family: number }[]) => {
        if (!isAllowed && addresses.some((entry) => !isPublicAddress(entry.address))) {
          callback(new OutboundRefusedError() as NodeJS.ErrnoException, "", 0);
          return;
        }
        if (wantsAll) {
          (callback as unknown as (error: null, all: { address: string; family: number }[]) => void)(
            null,
            addresses,
          );
          return;
        }
        const first = addresses[0];
        if (!first) {
          callback(Object.assign(new Error("no address"), { code: "ENOTFOUND" }), "", 0);
          return;
        }
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}
