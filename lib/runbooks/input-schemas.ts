import { z } from "zod";

// Inputs of the runbook operations, shared by forms and route handlers (the parser's output is in schemas.ts).

export const ZPlaceholder = z
  .string()
  .trim()
  .regex(/^(\$[A-Za-z_][A-Za-z0-9_]*|<[^<>\s][^<>]*>)$/, "must look like $NAME or <NAME>");

export const ZBindPlaceholder = z.object({
  placeholder: ZPlaceholder,
  /** null removes the binding. */
  contractId: z.string().trim().min(1, "choose a contract").nullable(),
});
export type TBindPlaceholder = z.input<typeof ZBindPlaceholder>;

export const ZAttachRunbook = z.object({
  versionId: z.string().trim().min(1, "choose a runbook version"),
  anchor: z.string().trim().min(1, "choose a section").max(300),
});
export type TAttachRunbook = z.input<typeof ZAttachRunbook>;

export const ZCheckRunbookItem = z.object({
  stepIndex: z.number().int().min(0).max(100_000),
  isChecked: z.boolean(),
});
export type TCheckRunbookItem = z.input<typeof ZCheckRunbookItem>;

export const ZRunRunbookCheck = z.object({ stepIndex: z.number().int().min(0).max(100_000) });
export type TRunRunbookCheck = z.input<typeof ZRunRunbookCheck>;

export const ZListRunbooksQuery = z.object({ q: z.string().trim().max(200).optional() });

export const ZImportRunbookMeta = z.object({
  fileName: z.string().trim().max(255).optional(),
});
