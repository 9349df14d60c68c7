import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "public", "prisma"];
const SOURCE_FILES = [
  "next.config.js",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
  "instrumentation.ts",
  "middleware.ts",
  "proxy.ts",
];
// Tests are not part of the build: editing one must not cost a rebuild.
const IGNORED = /\.(?:test|spec|bench)\.[cm]?[jt]sx?$/;
const STAMP = "breakglass-source-hash";

function listFiles(root: string, relative: string): string[] {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [relative];
  return readdirSync(full)
    .sort()
    .flatMap((name) => (name === "node_modules" ? [] : listFiles(root, path.join(relative, name))));
}

/** sha256 over the path and content of every build input (about 600 files: a few tens of ms). */
export function hashBuildSources(root: string): string {
  const hash = createHash("sha256");
  const files = [...SOURCE_DIRS, ...SOURCE_FILES].flatMap((entry) => listFiles(root, entry));
  for (const file of files.filter((name) => !IGNORED.test(name)).sort()) {
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(path.join(root, file)))
      .update("\0");
  }
  return hash.digest("hex");
}

export function buildDir(root: string): string {
  return path.resolve(root, process.env.NEXT_DIST_DIR || ".next");
}

export function isBuildCurrent(root: string, sourceHash = hashBuildSources(root)): boolean {
  const dir = buildDir(root);
  const stamp = path.join(dir, STAMP);
  return (
    existsSync(path.join(dir, "BUILD_ID")) &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8").trim() === sourceHash
  );
}

/** Records that the build in the build folder was made from the current sources (also `npm run build`'s postbuild). */
export function stampBuild(root: string, sourceHash = hashBuildSources(root)): void {
  writeFileSync(path.join(buildDir(root), STAMP), `${sourceHash}\n`);
}

/**
 * The demo serves a production build (`next start`), so no page waits on compilation after `ready at`.
 * `next build` runs once and is reused while the sources are unchanged: a hash of everything the build
 * reads is kept in the build folder, beside Next's own BUILD_ID.
 */
export async function ensureProductionBuild(options: {
  root: string;
  log: (line: string) => void;
  /** Every line of next build's output; otherwise only its last lines, when it fails. */
  buildLog?: (line: string) => void;
  /** Aborting stops the build (Ctrl-C during a first start must not leave `next build` running). */
  signal?: AbortSignal;
}): Promise<{ isReused: boolean; seconds: number }> {
  const started = Date.now();
  const sourceHash = hashBuildSources(options.root);
  if (isBuildCurrent(options.root, sourceHash)) return { isReused: true, seconds: 0 };
  options.log("building the console once for these sources (next build; later starts reuse it)");
  const nextBin = path.join(options.root, "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [nextBin, "build"], {
    cwd: options.root,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", BREAKGLASS_DEMO_BUILD: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    signal: options.signal,
  });
  child.on("error", () => {}); // an abort is reported through the exit code below
  const tail: string[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (line.trim() === "") continue;
      options.buildLog?.(line);
      tail.push(line);
      if (tail.length > 40) tail.shift();
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${tail.join("\n")}`);
  stampBuild(options.root, sourceHash);
  return { isReused: false, seconds: (Date.now() - started) / 1000 };
}
