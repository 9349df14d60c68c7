import path from "node:path";
import { defineConfig } from "vitest/config";

// The corpus check: the real runbooks teams sent us (e.g. ../shared/runbooks), parsed with the exact figures
// counted from those files. Not part of npm test: run it with `npm run test:corpus -- DIR`.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    name: "corpus",
    include: ["tests/corpus/**/*.corpus.test.ts"],
    environment: "node",
  },
});
