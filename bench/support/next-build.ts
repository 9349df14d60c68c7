import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The production build the benches serve with `next start`: NEXT_DIST_DIR (as next.config.js reads it) or
 * .next. Benches never build themselves (minutes on the 2-core machine): without a build they say so.
 */
export function findNextBuild(): { distDir: string } | null {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  return existsSync(path.join(process.cwd(), distDir, "BUILD_ID")) ? { distDir } : null;
}

export function reportMissingBuild(bench: string): [] {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  console.log(
    `  ${bench}: no production build in ${distDir}/ — run \`npm run build\` first (or set NEXT_DIST_DIR); no figures.`,
  );
  return [];
}
