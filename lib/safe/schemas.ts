import { z } from "zod";
import { INT4_MAX, noBidi, ZAddress } from "../http/input-fields";

/** Inputs of the Safe domain, shared by the forms and the route handlers. */
// zod runs every check even after one failed: the uint256 bound must not call BigInt on "1e18".
const ZWei = z
  .string("must be a whole number of wei")
  .trim()
  .regex(/^\d{1,78}$/, "must be a whole number of wei")
  .refine((v) => !/^\d{1,78}$/.test(v) || BigInt(v) < 2n ** 256n, "is larger than uint256");
const ZChainId = z.number().int().positive().max(INT4_MAX, `must be at most ${INT4_MAX}`);

export const ZSafeCall = z
  .object({
    /** A registry contract (its ABI names the arguments), or a raw address with a typed signature. */
    contractId: z.string().min(1).optional(),
    to: ZAddress.optional(),
    /** Canonical `pauseGlobal()`, a typed `grantRole(bytes32 role, address account)`, or a function name. */
    signature: z.string().trim().min(1, "choose a function").max(500),
    args: z.array(z.unknown()).max(32).default([]),
    value: ZWei.default("0"),
  })
  .refine((call) => Boolean(call.contractId) !== Boolean(call.to), {
    message: "choose a registry contract or enter an address (one of them)",
    path: ["contractId"],
  });

export const ZVerificationRead = z.object({
  contractId: z.string().min(1),
  /** `isGloballyPaused()(bool)`, as cast writes it. */
  signature: z.string().trim().min(3).max(500),
  args: z.array(z.string()).max(16).default([]),
  expected: z.string().trim().max(200).nullable().default(null),
});

/** `<runbookVersionId>:<anchor>:<actionIndex>`, what the runbook panel's Propose link carries. */
export const ZRunbookSource = z
  .string()
  .regex(/^[^:\s]+:[^:\s]+:\d+$/, "must be <versionId>:<anchor>:<actionIndex>");

export const ZProposeTransaction = z.object({
  safeId: z.string().min(1, "choose a Safe"),
  title: noBidi(z.string().trim().min(1, "give the proposal a title").max(200)),
  calls: z.array(ZSafeCall).min(1, "add at least one call").max(20),
  nonce: z.number().int().nonnegative().max(INT4_MAX, `must be at most ${INT4_MAX}`).optional(),
  runbook: ZRunbookSource.optional(),
  /** Set when this is the follow-up of a timelock (e.g. executeUnpause after requestUnpause). */
  timelockId: z.string().min(1).optional(),
  /** A commander's reason to go past a guardrail (pre-unpause checklist open, action already proposed). */
  override: z
    .object({ reason: z.string().trim().min(3, "give the reason for the override").max(2000) })
    .optional(),
  /** Reads to run after execution; omitted: the runbook's verify steps, else the known effect of each call. */
  verifications: z.array(ZVerificationRead).max(20).optional(),
});

export const ZAddSignature = z.object({
  /** 65 bytes: r, s, v. v is 27/28 (EIP-712), 0/1 (some wallets) or 31/32 (eth_sign of the safeTxHash). */
  signature: z
    .string()
    .trim()
    .regex(/^0x[0-9a-fA-F]{130}$/, "must be a 65-byte signature: 0x followed by 130 hex digits"),
  /** The address the signer says they are; the server recovers and compares. */
  signer: ZAddress,
});

export const ZRecordExecution = z.object({
  txHash: z.string().regex(/^0x[0-9a-fA-F]{64}$/, "must be a 32-byte transaction hash"),
});

export const ZAddContract = z.object({
  name: z.string().trim().min(1).max(100),
  chainId: ZChainId,
  address: ZAddress,
  /** JSON text of the ABI; optional (a contract without an ABI takes typed signatures). */
  abi: z.string().max(500_000).optional(),
  placeholders: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
});

export const ZAddSafe = z.object({
  label: z.string().trim().min(1).max(100),
  chainId: ZChainId,
  address: ZAddress,
});

export type TProposeTransaction = z.infer<typeof ZProposeTransaction>;
export type TSafeCall = z.infer<typeof ZSafeCall>;
export type TVerificationRead = z.infer<typeof ZVerificationRead>;
export type TAddSignature = z.infer<typeof ZAddSignature>;
export type TAddContract = z.infer<typeof ZAddContract>;
export type TAddSafe = z.infer<typeof ZAddSafe>;
