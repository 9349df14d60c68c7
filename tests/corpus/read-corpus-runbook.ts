import { readFileSync } from "node:fs";
import path from "node:path";

/** The folder `npm run test:corpus -- DIR` was given (scripts/test-corpus.ts checks it before Vitest starts). */
export function corpusDir(): string {
  const dir = process.env.BREAKGLASS_CORPUS_DIR;
  if (!dir) throw new Error("BREAKGLASS_CORPUS_DIR is not set: run `npm run test:corpus -- DIR`");
  return dir;
}

export function corpusFile(name: string): string {
  return path.join(corpusDir(), name);
}

export function readCorpusRunbook(name: string): string {
  return readFileSync(corpusFile(name), "utf8");
}
