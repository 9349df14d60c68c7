import { formatUnits } from "viem";

/** How the live panel's reads are meant: the ABI says uint256 for an amount, a count and a time alike. */
const KINDS: Record<string, "flag" | "count" | "amount" | "timestamp"> = {
  isGloballyPaused: "flag",
  paused: "flag",
  currentNonce: "count",
  getRemainingDailyCapLimit: "amount",
  supplyCap: "amount",
  unpauseRequestTime: "timestamp",
};

/** Amounts this large are token base units; below it a raw integer reads fine as it is. */
const BASE_UNITS_FROM = 10n ** 12n;

function group(digits: bigint): string {
  return digits.toLocaleString("en-US");
}

/**
 * A read's value as a responder under stress should see it: grouped digits, a token amount also at 18
 * decimals (the registry does not know a contract's decimals, so it is said, not assumed), a Unix time as a
 * UTC date, 0 as "none" for a time. The exact value stays available as `raw`.
 */
export function formatLiveValue(functionName: string, value: unknown): { text: string; raw: string } {
  const raw = String(value);
  const kind = KINDS[functionName];
  if (typeof value !== "bigint" || kind === undefined || kind === "flag") return { text: raw, raw };
  if (kind === "timestamp") {
    if (value === 0n) return { text: "none", raw };
    const iso = new Date(Number(value) * 1000).toISOString();
    return { text: `${iso.slice(0, 19).replace("T", " ")} UTC`, raw };
  }
  if (kind === "amount" && value >= BASE_UNITS_FROM) {
    const [whole, fraction] = formatUnits(value, 18).split(".");
    const tokens = `${group(BigInt(whole!))}${fraction ? `.${fraction.slice(0, 4)}` : ""}`;
    return { text: `${group(value)} (${tokens} at 18 decimals)`, raw };
  }
  return { text: group(value), raw };
}
