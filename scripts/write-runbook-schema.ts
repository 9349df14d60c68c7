import { writeFileSync } from "node:fs";
import path from "node:path";
import { formatRunbookJsonSchema } from "../lib/runbooks/build-runbook-json-schema";

/** Regenerates docs/runbook.schema.json from the zod schemas in lib/runbooks/schemas.ts. */
const target = path.resolve(import.meta.dirname, "../docs/runbook.schema.json");
writeFileSync(target, formatRunbookJsonSchema());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
