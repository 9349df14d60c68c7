import type { SafeConfig } from "./read-safe-config";

export type ConfigChangeCode =
  | "owners_changed"
  | "threshold_changed"
  | "guard_changed"
  | "modules_changed"
  | "fallback_handler_changed"
  | "singleton_changed";

/** 0x1234…abcd: how the kits domain writes an address in a sentence. */
export const shortAddress = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;
const lower = (list: string[]) => list.map((item) => item.toLowerCase());

/** What changed between the configuration a ladder was signed under and the chain's, in words. */
export function describeConfigChange(
  signed: SafeConfig,
  now: SafeConfig,
  names: (address: string) => string = shortAddress,
): { code: ConfigChangeCode; text: string } | null {
  const was = lower(signed.owners);
  const is = lower(now.owners);
  const added = now.owners.filter((o) => !was.includes(o.toLowerCase()));
  const removed = signed.owners.filter((o) => !is.includes(o.toLowerCase()));
  if (added.length > 0 || removed.length > 0) {
    const parts = [
      ...(added.length ? [`added ${added.map(names).join(", ")}`] : []),
      ...(removed.length ? [`removed ${removed.map(names).join(", ")}`] : []),
    ];
    return { code: "owners_changed", text: `the Safe's owners changed (${parts.join("; ")})` };
  }
  if (signed.threshold !== now.threshold)
    return {
      code: "threshold_changed",
      text: `the Safe's threshold changed (${signed.threshold} → ${now.threshold})`,
    };
  if (signed.guard.toLowerCase() !== now.guard.toLowerCase())
    return {
      code: "guard_changed",
      text: `the Safe's guard changed (${shortAddress(signed.guard)} → ${shortAddress(now.guard)})`,
    };
  const modulesWas = lower(signed.modules).sort().join();
  if (modulesWas !== lower(now.modules).sort().join())
    return {
      code: "modules_changed",
      text: `the Safe's modules changed (${signed.modules.length} → ${now.modules.length}: ${now.modules.map(shortAddress).join(", ") || "none"})`,
    };
  if (signed.fallbackHandler.toLowerCase() !== now.fallbackHandler.toLowerCase())
    return {
      code: "fallback_handler_changed",
      text: `the Safe's fallback handler changed (${shortAddress(signed.fallbackHandler)} → ${shortAddress(now.fallbackHandler)})`,
    };
  if (signed.singleton.toLowerCase() !== now.singleton.toLowerCase())
    return {
      code: "singleton_changed",
      text: `the Safe's singleton (implementation) changed (${shortAddress(signed.singleton)} → ${shortAddress(now.singleton)})`,
    };
  return null;
}
