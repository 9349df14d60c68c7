import { z } from "zod";

/**
 * The kits' audit log (KitEvent rows, append-only in PostgreSQL). A kit lives outside any incident, so its
 * definition, signatures, exports, imports and state changes are recorded here; what happens during an
 * incident (break glass) is on that incident's timeline as well.
 */
export const KIT_EVENT_SCHEMAS = {
  "kit.created": z.object({ name: z.string(), safe: z.string(), calls: z.array(z.string()) }),
  "kit.signed": z.object({ owner: z.string(), nonce: z.number().int(), safeTxHash: z.string() }),
  "kit.state_changed": z.object({
    from: z.string().nullable(),
    to: z.string(),
    reason: z.string().nullable(),
  }),
  "kit.exported": z.object({ signatures: z.number().int() }),
  "kit.imported": z.object({ accepted: z.number().int(), refused: z.number().int() }),
  "kit.automation_changed": z.object({ isAutoEnabled: z.boolean(), autoCooldownSeconds: z.number().int() }),
  "kit.retired": z.object({
    reason: z.string(),
    signaturesDestroyed: z.number().int(),
    /** Vault copies made before: their signatures stay valid on chain until the Safe's nonce passes them. */
    exports: z.number().int(),
    /** Break-glass calldata handed to a wallet that never executed: it carries valid signatures too. */
    unsentHandovers: z.number().int().default(0),
    highestSignedNonce: z.number().int().nullable(),
  }),
  "kit.used": z.object({
    incidentId: z.string(),
    executionId: z.string(),
    nonce: z.number().int(),
    mode: z.string(),
    alert: z.string().nullable(),
  }),
} as const;

export type KitEventKind = keyof typeof KIT_EVENT_SCHEMAS;
export type KitEventPayload<K extends KitEventKind> = z.infer<(typeof KIT_EVENT_SCHEMAS)[K]>;
