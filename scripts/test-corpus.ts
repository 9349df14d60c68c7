import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

/**
 * `npm run test:corpus -- DIR`: runs tests/corpus against the real runbooks in DIR (CI passes
 * ../shared/runbooks when it exists). The figures are those of these exact files, so every one must be there.
 */

const CORPUS_FILES = ["musd-protocol.md", "pil.md", "mpc-wallet.md"];

const [dirArgument, ...rest] = process.argv.slice(2);
if (!dirArgument || rest.length > 0) {
  console.error(
    "usage: npm run test:corpus -- DIR   (a folder holding musd-protocol.md, pil.md, mpc-wallet.md)",
  );
  process.exit(2);
}
const dir = path.resolve(dirArgument);
if (!existsSync(dir) || !statSync(dir).isDirectory()) {
  console.error(`test:corpus: ${dir} is not a folder`);
  process.exit(2);
}
const missing = CORPUS_FILES.filter((name) => !existsSync(path.join(dir, name)));
if (missing.length > 0) {
  console.error(`test:corpus: ${dir} lacks ${missing.join(", ")}`);
  process.exit(2);
}

const result = spawnSync("npx", ["vitest", "run", "--config", "vitest.corpus.config.ts"], {
  cwd: path.resolve(import.meta.dirname, ".."),
  stdio: "inherit",
  env: { ...process.env, BREAKGLASS_CORPUS_DIR: dir },
});
process.exit(result.status ?? 1);
