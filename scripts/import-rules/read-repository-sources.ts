import fs from "node:fs";
import path from "node:path";

const ROOTS = ["app", "components", "lib", "scripts", "tests", "e2e", "bench"];
const SKIP = new Set(["node_modules", "generated", ".next"]);

/** Every .ts/.tsx file under the source roots, keyed by its repository-relative POSIX path. */
export function readRepositorySources(root: string): Record<string, string> {
  const sources: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name)) walk(rel);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        sources[rel] = fs.readFileSync(path.join(root, rel), "utf8");
      }
    }
  };
  for (const dir of ROOTS) if (fs.existsSync(path.join(root, dir))) walk(dir);
  for (const file of ["instrumentation.ts"]) {
    if (fs.existsSync(path.join(root, file))) sources[file] = fs.readFileSync(path.join(root, file), "utf8");
  }
  return sources;
}
