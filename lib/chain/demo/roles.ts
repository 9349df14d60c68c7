import { type Hex, keccak256, toHex, zeroHash } from "viem";

// OpenZeppelin AccessControl role ids used by the demo contracts (and by the mUSD contracts they imitate).
export const DEFAULT_ADMIN_ROLE: Hex = zeroHash;
export const GUARDIAN_ROLE: Hex = keccak256(toHex("GUARDIAN_ROLE"));
export const EMERGENCY_ROLE: Hex = keccak256(toHex("EMERGENCY_ROLE"));
export const ORACLE_ADMIN_ROLE: Hex = keccak256(toHex("ORACLE_ADMIN_ROLE"));
export const KEEPER_ROLE: Hex = keccak256(toHex("KEEPER_ROLE"));
