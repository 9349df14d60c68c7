import { type Hex, keccak256, toHex, zeroHash } from "viem";

/** Role names common in OpenZeppelin-based protocols; the runbooks' own names are added at run time. */
const COMMON_ROLES = [
  "PAUSER_ROLE",
  "UNPAUSER_ROLE",
  "GUARDIAN_ROLE",
  "EMERGENCY_ROLE",
  "ADMIN_ROLE",
  "MINTER_ROLE",
  "BURNER_ROLE",
  "UPGRADER_ROLE",
  "OPERATOR_ROLE",
  "KEEPER_ROLE",
  "ORACLE_ADMIN_ROLE",
  "VALIDATOR_ROLE",
  "TIMELOCK_ROLE",
  "PROPOSER_ROLE",
  "EXECUTOR_ROLE",
  "CANCELLER_ROLE",
  "TIMELOCK_ADMIN_ROLE",
];

/** `X_ROLE` words in runbook text (cast calls, prose): the names the responders themselves use. */
export function roleNamesInText(text: string): string[] {
  return [...new Set(text.match(/\b[A-Z][A-Z0-9_]*_ROLE\b/g) ?? [])];
}

/** Role id → name: DEFAULT_ADMIN_ROLE is 0x00…00, every other OpenZeppelin role is keccak256 of its name. */
export function buildRoleNames(extraNames: readonly string[] = []): Map<string, string> {
  const names = new Map<string, string>([[zeroHash, "DEFAULT_ADMIN_ROLE"]]);
  for (const name of [...COMMON_ROLES, ...extraNames]) {
    if (name === "DEFAULT_ADMIN_ROLE") continue;
    names.set(keccak256(toHex(name)), name);
  }
  return names;
}

/** A role as people write it (a name or a 0x id) → its 32-byte id, lower-case. */
export function roleIdOf(role: string): Hex {
  const trimmed = role.trim();
  if (/^0x[0-9a-fA-F]{64}$/.test(trimmed)) return trimmed.toLowerCase() as Hex;
  if (trimmed === "DEFAULT_ADMIN_ROLE") return zeroHash;
  return keccak256(toHex(trimmed));
}
