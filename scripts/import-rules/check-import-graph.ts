import path from "node:path";
import ts from "typescript";

// The layering the README promises, checked on the import graph (npm run lint):
//   routes (app/) → components/ → domains (lib/<domain>/, entered through index.ts, or browser.ts for client
//   code) → shared kernel (lib/db, lib/timeline, lib/errors.ts, lib/env.ts, lib/crypto, lib/http, lib/net, lib/metrics).
// A lower layer never imports a higher one, domains never form a cycle, and no file cycle exists anywhere.
// Tests, benches and scripts drive the parts from outside, so they may reach inside a domain.

export const KERNEL = [
  "db",
  "timeline",
  "jobs",
  "crypto",
  "http",
  "net",
  "metrics",
  "errors.ts",
  "env.ts",
] as const;

/** Entry files of a domain besides index.ts: a browser-safe barrel for client components. */
const BROWSER_ENTRY = "browser.ts";

/** Sub-barrels that stand on their own, with who may use them and why the others may not. */
const RESTRICTED: { dir: string; allowed: string[]; reason: string }[] = [
  {
    dir: "lib/chain/demo",
    allowed: ["lib/devstack/", "scripts/", "tests/", "e2e/", "bench/"],
    reason: "it is the demo deployment (dev, demo and test data); product code must not depend on it",
  },
];

const TOOLING = ["scripts/", "tests/", "e2e/", "bench/"];

export type ImportEdge = {
  from: string;
  to: string;
  specifier: string;
  names: string[];
  isTypeOnly: boolean;
};
export type Violation = { file: string; message: string };

type Layer = "route" | "component" | "domain" | "kernel" | "tooling" | "other";

function layerOf(file: string): Layer {
  if (/\.test\.tsx?$/.test(file)) return "tooling";
  if (file.startsWith("app/") || file === "instrumentation.ts") return "route";
  if (file.startsWith("components/")) return "component";
  if (TOOLING.some((prefix) => file.startsWith(prefix))) return "tooling";
  const unit = unitOf(file);
  if (unit) return (KERNEL as readonly string[]).includes(unit) ? "kernel" : "domain";
  return "other";
}

/** "incidents" for lib/incidents/x.ts, "errors.ts" for lib/errors.ts, null outside lib/. */
export function unitOf(file: string): string | null {
  const match = /^lib\/([^/]+)(\/|$)/.exec(file);
  if (!match) return null;
  return match[1]!;
}

function restrictionOf(file: string) {
  return RESTRICTED.find((r) => file.startsWith(`${r.dir}/`));
}

function isEntry(file: string): boolean {
  const restricted = restrictionOf(file);
  if (restricted) return file === `${restricted.dir}/index.ts`;
  return /^lib\/[^/]+\/(index|browser|routes)\.tsx?$/.test(file);
}

/**
 * lib/auth/index.ts is the session (next-auth, next/headers): Next-bound by nature. Other domains take its
 * types (erased) and its roles from lib/auth/browser.ts, so their own index stays loadable by scripts and tests.
 */
const NEXT_BOUND_INDEXES = new Set(["lib/auth/index.ts"]);

export function parseImports(file: string, source: string): Omit<ImportEdge, "to" | "from">[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, file.endsWith("x") ? 4 : 3);
  const found: Omit<ImportEdge, "to" | "from">[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const names: string[] = [];
      let allTypes = Boolean(clause?.isTypeOnly);
      if (clause && !clause.isTypeOnly) {
        allTypes = !clause.name;
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamedImports(bindings)) {
          for (const el of bindings.elements) {
            names.push((el.propertyName ?? el.name).text);
            if (!el.isTypeOnly) allTypes = false;
          }
          if (bindings.elements.length === 0) allTypes = false;
        } else if (bindings) allTypes = false;
        if (clause.name) names.push("default");
      } else if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings)) {
        for (const el of clause.namedBindings.elements) names.push((el.propertyName ?? el.name).text);
      }
      found.push({ specifier: node.moduleSpecifier.text, names, isTypeOnly: clause ? allTypes : false });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const names: string[] = [];
      let allTypes = node.isTypeOnly;
      if (node.exportClause && ts.isNamedExports(node.exportClause)) {
        if (!node.isTypeOnly) allTypes = node.exportClause.elements.every((el) => el.isTypeOnly);
        for (const el of node.exportClause.elements) names.push((el.propertyName ?? el.name).text);
      }
      found.push({ specifier: node.moduleSpecifier.text, names, isTypeOnly: allTypes });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, names: [], isTypeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Names a barrel exports (named re-exports and local exports), or "*" if it has `export *`. */
function exportedNames(source: string): Set<string> {
  const sf = ts.createSourceFile("barrel.ts", source, ts.ScriptTarget.Latest, false);
  const names = new Set<string>();
  for (const st of sf.statements) {
    if (ts.isExportDeclaration(st)) {
      if (!st.exportClause) names.add("*");
      else if (ts.isNamedExports(st.exportClause))
        for (const el of st.exportClause.elements) names.add(el.name.text);
    } else if (
      ts.canHaveModifiers(st) &&
      ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    ) {
      if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
      } else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name)
        names.add(st.name.text);
      else if ((ts.isTypeAliasDeclaration(st) || ts.isInterfaceDeclaration(st)) && st.name)
        names.add(st.name.text);
    }
  }
  return names;
}

const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

export function resolveSpecifier(from: string, specifier: string, files: ReadonlySet<string>): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith("."))
    base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  else return null;
  for (const ext of EXTENSIONS) if (files.has(base + ext)) return base + ext;
  return null;
}

export function buildImportGraph(sources: Record<string, string>): ImportEdge[] {
  const files = new Set(Object.keys(sources));
  const edges: ImportEdge[] = [];
  for (const [from, source] of Object.entries(sources)) {
    for (const imp of parseImports(from, source)) {
      const to = resolveSpecifier(from, imp.specifier, files);
      // Packages become nodes of their own ("pkg:next/server"), so reachability can name them.
      if (to) edges.push({ from, to, ...imp });
      else if (!imp.specifier.startsWith(".") && !imp.specifier.startsWith("@/"))
        edges.push({ from, to: `pkg:${imp.specifier}`, ...imp });
    }
  }
  return edges;
}

/** Packages that only load inside Next's own bundler (tsx and Playwright cannot import them). */
const NEXT_BOUND = /^pkg:(next|next-auth)(\/|$)/;

function barrelAdvice(
  edge: ImportEdge,
  sources: Record<string, string>,
  isClient: boolean,
  reachesDatabase: (file: string) => string[] | null,
): string {
  const restricted = restrictionOf(edge.to);
  const unitDir = restricted ? restricted.dir : `lib/${unitOf(edge.to)}`;
  // Client code may take types from index.ts (erased at build) but values only from browser.ts.
  const candidates = restricted
    ? [`${unitDir}/index.ts`]
    : isClient && !edge.isTypeOnly
      ? [`${unitDir}/${BROWSER_ENTRY}`, `${unitDir}/index.ts`]
      : [`${unitDir}/index.ts`, `${unitDir}/${BROWSER_ENTRY}`];
  // Browser code (and a browser.ts barrel) may only take values from a barrel that keeps clear of the database.
  const needsBrowserSafe = (isClient || /\/browser\.ts$/.test(edge.from)) && !edge.isTypeOnly;
  for (const barrel of candidates) {
    const source = sources[barrel];
    if (source === undefined) continue;
    if (needsBrowserSafe && reachesDatabase(barrel)) continue;
    const names = exportedNames(source);
    if (edge.names.length > 0 && edge.names.every((n) => names.has(n) || names.has("*"))) {
      return `import ${edge.isTypeOnly ? "type " : ""}{ ${edge.names.join(", ")} } from "${specifierFor(edge, barrel)}" instead`;
    }
  }
  const target =
    isClient && !restricted && !edge.isTypeOnly ? `${unitDir}/${BROWSER_ENTRY}` : `${unitDir}/index.ts`;
  const what = edge.names.length ? `{ ${edge.names.join(", ")} }` : "what you need";
  return `export ${what} from ${target} (from "./${path.posix.relative(unitDir, edge.to).replace(/\.tsx?$/, "")}") and import it from "${specifierFor(edge, target)}"`;
}

/** The barrel's specifier in the importer's own style: relative inside lib/, "@/…" elsewhere. */
function specifierFor(edge: ImportEdge, barrel: string): string {
  const bare = barrel.replace(/(\/index)?\.tsx?$/, "");
  if (!edge.specifier.startsWith(".")) return `@/${bare}`;
  const rel = path.posix.relative(path.posix.dirname(edge.from), bare);
  return rel.startsWith(".") ? rel : `./${rel}`;
}

/** Strongly connected components of size > 1 (Tarjan), each sorted. */
export function findCycles(nodes: Iterable<string>, next: (node: string) => Iterable<string>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  const strongConnect = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!indices.has(w)) {
        strongConnect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) result.push(component.sort());
    }
  };
  for (const v of nodes) if (!indices.has(v)) strongConnect(v);
  return result;
}

const LAYER_RANK: Record<Layer, number> = {
  route: 3,
  component: 2,
  domain: 1,
  kernel: 0,
  tooling: 4,
  other: 4,
};

export function checkImportGraph(sources: Record<string, string>): Violation[] {
  const edges = buildImportGraph(sources);
  const violations: Violation[] = [];
  const clientFiles = new Set(
    Object.entries(sources)
      .filter(([, s]) => /^\s*(\/\/[^\n]*\n\s*)*["']use client["']/.test(s))
      .map(([f]) => f),
  );

  const runtimeNext = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.isTypeOnly) continue;
    if (!runtimeNext.has(edge.from)) runtimeNext.set(edge.from, []);
    runtimeNext.get(edge.from)!.push(edge.to);
  }
  /** The runtime import chain from `root` to a lib/db file, or null if there is none. */
  const reachesDatabase = (root: string) => runtimeChain(root, (t) => t.startsWith("lib/db/"));
  /** The runtime import chain from `root` to the first node `isTarget` accepts, or null. */
  const runtimeChain = (root: string, isTarget: (node: string) => boolean): string[] | null => {
    const seen = new Map<string, string | null>([[root, null]]);
    const queue = [root];
    while (queue.length > 0) {
      const f = queue.shift()!;
      for (const t of runtimeNext.get(f) ?? []) {
        if (seen.has(t)) continue;
        seen.set(t, f);
        if (isTarget(t)) {
          const chain: string[] = [];
          for (let c: string | null = t; c; c = seen.get(c) ?? null) chain.unshift(c);
          return chain;
        }
        queue.push(t);
      }
    }
    return null;
  };

  for (const edge of edges) {
    if (edge.to.startsWith("pkg:")) continue;
    const fromLayer = layerOf(edge.from);
    const toLayer = layerOf(edge.to);
    const fromUnit = unitOf(edge.from);
    const toUnit = unitOf(edge.to);
    const where = `${edge.from}: import "${edge.specifier}"`;
    if (toLayer === "tooling" && fromLayer !== "tooling") {
      violations.push({
        file: edge.from,
        message: `${where} — product code must not import tests, benches or scripts`,
      });
      continue;
    }
    if (fromLayer !== "tooling" && fromLayer !== "other" && LAYER_RANK[toLayer] > LAYER_RANK[fromLayer]) {
      violations.push({
        file: edge.from,
        message: `${where} — a ${fromLayer} file must not import a ${toLayer} (layers: app/ → components/ → lib/<domain> → kernel); pass what you need in as an argument or wire it at the route`,
      });
      continue;
    }
    // Pages, route handlers and components read and write through domain functions, never the client itself
    // (the database-down check and types are fine).
    if (
      (fromLayer === "route" || fromLayer === "component") &&
      !edge.isTypeOnly &&
      /^lib\/db\/(index|client)\.ts$/.test(edge.to)
    ) {
      violations.push({
        file: edge.from,
        message: `${where} — pages and components get their data from a domain function (lib/<domain>/index.ts), not from db()`,
      });
      continue;
    }
    const restricted = restrictionOf(edge.to);
    if (restricted && !edge.from.startsWith(`${restricted.dir}/`)) {
      if (!restricted.allowed.some((prefix) => edge.from.startsWith(prefix))) {
        violations.push({
          file: edge.from,
          message: `${where} — only ${restricted.allowed.join(", ")} may import ${restricted.dir}: ${restricted.reason}`,
        });
        continue;
      }
    }
    if (/^lib\/[^/]+\/routes\.ts$/.test(edge.to) && fromLayer !== "route" && fromLayer !== "tooling") {
      violations.push({
        file: edge.from,
        message: `${where} — ${edge.to} holds HTTP handlers for app/ only; call the domain's index.ts instead`,
      });
      continue;
    }
    const crossesUnit = restricted ? !edge.from.startsWith(`${restricted.dir}/`) : toUnit !== fromUnit;
    if (
      crossesUnit &&
      toLayer === "domain" &&
      fromLayer !== "tooling" &&
      fromLayer !== "other" &&
      !isEntry(edge.to)
    ) {
      violations.push({
        file: edge.from,
        message: `${where} reaches inside lib/${toUnit} — ${barrelAdvice(edge, sources, clientFiles.has(edge.from), reachesDatabase)}`,
      });
    }
  }

  // Domains (and kernel units) must form a DAG.
  const unitEdges = new Map<string, Map<string, ImportEdge>>();
  for (const edge of edges) {
    if (edge.to.startsWith("pkg:")) continue;
    const a = unitOf(edge.from);
    const b = unitOf(edge.to);
    if (!a || !b || a === b) continue;
    if (!unitEdges.has(a)) unitEdges.set(a, new Map());
    if (!unitEdges.get(a)!.has(b)) unitEdges.get(a)!.set(b, edge);
  }
  for (const cycle of findCycles(unitEdges.keys(), (u) => unitEdges.get(u)?.keys() ?? [])) {
    const inCycle = new Set(cycle);
    const links = cycle.flatMap((a) =>
      [...(unitEdges.get(a) ?? new Map<string, ImportEdge>()).entries()]
        .filter(([b]) => inCycle.has(b))
        .map(([b, e]) => `lib/${a} → lib/${b} (${e.from})`),
    );
    violations.push({
      file: `lib/${cycle[0]}`,
      message: `import cycle between domains ${cycle.map((u) => `lib/${u}`).join(", ")}: ${links.join("; ")} — the lower domain must not import the higher one: wire the hook at the route or job, or inject it`,
    });
  }

  // No file-level cycles anywhere (a barrel imported from inside its own domain makes one).
  const fileEdges = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (edge.to.startsWith("pkg:")) continue;
    if (!fileEdges.has(edge.from)) fileEdges.set(edge.from, new Set());
    fileEdges.get(edge.from)!.add(edge.to);
  }
  for (const cycle of findCycles(fileEdges.keys(), (f) => fileEdges.get(f) ?? [])) {
    violations.push({
      file: cycle[0]!,
      message: `import cycle between files ${cycle.join(", ")} — inside a domain import the file itself ("./x"), not the domain's index.ts`,
    });
  }

  // Client components (and browser.ts barrels) must not pull the database into the browser bundle.
  const browserRoots = [
    ...clientFiles,
    ...Object.keys(sources).filter((f) => /^lib\/[^/]+\/browser\.ts$/.test(f)),
  ];
  for (const root of browserRoots) {
    const chain = reachesDatabase(root);
    if (chain) {
      violations.push({
        file: root,
        message: `${root} runs in the browser but reaches the database: ${chain.join(" → ")} — import the browser entry (lib/<domain>/browser.ts) or use \`import type\``,
      });
    }
  }

  // A domain's index.ts is what scripts, benches, tests and the other domains load: it must not need Next.
  for (const index of Object.keys(sources).filter((f) => /^lib\/[^/]+\/index\.ts$/.test(f))) {
    if (NEXT_BOUND_INDEXES.has(index)) continue;
    const chain = runtimeChain(index, (t) => NEXT_BOUND.test(t) || NEXT_BOUND_INDEXES.has(t));
    if (chain) {
      violations.push({
        file: index,
        message: `${index} needs Next to load: ${chain.map((n) => n.replace(/^pkg:/, "")).join(" → ")} — HTTP handlers go in the domain's routes.ts (imported by app/ only); roles come from lib/auth/browser.ts; types with \`import type\``,
      });
    }
  }
  return violations;
}
