import { z } from "zod";
import { ZRunbookSource, ZSafeCall, ZVerificationRead } from "../safe";

/** Inputs of the readiness domain, shared by the forms and the route handlers. */
const ZAddress = z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte address");

export const MAX_LADDER_LENGTH = 20;

export const ZCreateKit = z
  .object({
    name: z.string().trim().min(1, "give the kit a name").max(120),
    safeId: z.string().min(1, "choose a Safe"),
    /** A runbook action (`<versionId>:<anchor>:<actionIndex>`), or the calls by hand. */
    runbook: ZRunbookSource.optional(),
    calls: z.array(ZSafeCall).max(10).optional(),
    verifications: z.array(ZVerificationRead).max(10).optional(),
    ladderLength: z.coerce.number().int().min(1).max(MAX_LADDER_LENGTH).default(5),
  })
  .refine((kit) => Boolean(kit.runbook) || (kit.calls?.length ?? 0) > 0, {
    message: "choose a runbook action or add at least one call",
    path: ["calls"],
  });
export type TCreateKit = z.input<typeof ZCreateKit>;

export const ZKitSignature = z.object({
  nonce: z.number().int().nonnegative(),
  /** 65 bytes: r, s, v (27/28 from signTypedData, 0/1 from some wallets, 31/32 for eth_sign). */
  signature: z
    .string()
    .trim()
    .regex(/^0x[0-9a-fA-F]{130}$/, "must be a 65-byte signature: 0x followed by 130 hex digits"),
  signer: ZAddress,
});
export type TKitSignature = z.infer<typeof ZKitSignature>;

const ZPassphrase = z.string().min(12, "must be at least 12 characters").max(500);

export const ZExportKit = z.object({ passphrase: ZPassphrase });

export const ZImportKit = z.object({
  file: z.string().min(2, "choose a kit file").max(200_000),
  passphrase: ZPassphrase,
});

export const ZBreakGlass = z.object({
  /** The incident (id or INC-n) the kit breaks for; omitted: a P1 incident is declared for it. */
  incident: z.string().trim().min(1).max(100).optional(),
  /** executor: the server's executor key sends it; wallet: the responder's wallet sends the calldata. */
  mode: z.enum(["executor", "wallet"], "must be executor or wallet"),
});
export type TBreakGlass = z.infer<typeof ZBreakGlass>;

export const ZRecordKitExecution = z.object({
  executionId: z.string().min(1),
  txHash: z.string().regex(/^0x[0-9a-fA-F]{64}$/, "must be a 32-byte transaction hash"),
});

export const ZKitAutomation = z.object({
  isAutoEnabled: z.boolean(),
  autoCooldownSeconds: z.coerce.number().int().min(60, "must be at least 60 seconds").max(86_400).optional(),
});

export const ZExecutorKey = z.object({
  label: z.string().trim().min(1, "is required").max(80),
  privateKey: z
    .string()
    .trim()
    .regex(/^0x[0-9a-fA-F]{64}$/, "must be a 32-byte private key: 0x followed by 64 hex digits"),
});

/** Why a kit is retired: it is on the kit's audit log, and the next person to find it reads it. */
export const ZRetireKit = z.object({
  reason: z.string().trim().min(3, "say why this kit is retired").max(2000),
});
export type TRetireKit = z.input<typeof ZRetireKit>;
