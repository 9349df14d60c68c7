import { type Hex, keccak256, toHex, zeroHash } from "viem";

// AccessControl role ids are keccak256 of their names, so a revert only carries the hash. These are the names
// protocols commonly use (OpenZeppelin's, and the guardian/emergency split of the mUSD contracts); a role the
// registry's contracts expose as a getter is named from the chain first (read-safe-state.ts).
const COMMON_ROLE_NAMES = [
  "GUARDIAN_ROLE",
  "EMERGENCY_ROLE",
  "ORACLE_ADMIN_ROLE",
  "KEEPER_ROLE",
  "PAUSER_ROLE",
  "UNPAUSER_ROLE",
  "MINTER_ROLE",
  "BURNER_ROLE",
  "UPGRADER_ROLE",
  "OPERATOR_ROLE",
];

/** Role id (lower-case hex) → readable name, for decoded `AccessControlUnauthorizedAccount` errors. */
export const KNOWN_ROLE_NAMES: Readonly<Record<Hex, string>> = Object.fromEntries([
  [zeroHash, "DEFAULT_ADMIN_ROLE"],
  ...COMMON_ROLE_NAMES.map((name) => [keccak256(toHex(name)), name]),
]);
