import { z } from "zod";
import { ZParsedRunbook } from "./schemas";

/** The JSON Schema (draft 2020-12) of `runbook parse` output, committed as docs/runbook.schema.json. */
export function buildRunbookJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ZParsedRunbook, { target: "draft-2020-12" }) as Record<string, unknown>;
  return {
    ...schema,
    title: "Breakglass parsed runbook",
    description: "Output of `npm run runbook -- parse FILE`",
  };
}

export function formatRunbookJsonSchema(): string {
  return `${JSON.stringify(buildRunbookJsonSchema(), null, 2)}\n`;
}
