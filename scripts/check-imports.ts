// npm run lint: refuses imports that break the layering (see scripts/import-rules/check-import-graph.ts).

import { checkImportGraph } from "./import-rules/check-import-graph";
import { readRepositorySources } from "./import-rules/read-repository-sources";

const violations = checkImportGraph(readRepositorySources(process.cwd()));
for (const v of violations) console.error(v.message);
if (violations.length > 0) {
  console.error(
    `\n${violations.length} import rule violation(s); the layering is described in README.md ("Layers").`,
  );
  process.exit(1);
}
console.log("imports: layering, barrels and cycles OK");
