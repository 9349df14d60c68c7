import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatRunbookJsonSchema } from "./build-runbook-json-schema";

describe("docs/runbook.schema.json", () => {
  it("is the schema generated from lib/runbooks/schemas.ts (run `npm run runbook:schema` after changing it)", () => {
    const committed = readFileSync(
      path.resolve(import.meta.dirname, "../../docs/runbook.schema.json"),
      "utf8",
    );
    expect(committed).toBe(formatRunbookJsonSchema());
  });

  it("is draft 2020-12", () => {
    expect(JSON.parse(formatRunbookJsonSchema()).$schema).toBe(
      "https://json-schema.org/draft/2020-12/schema",
    );
  });
});
