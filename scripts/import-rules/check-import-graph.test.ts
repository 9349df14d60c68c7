import { describe, expect, it } from "vitest";
import { checkImportGraph } from "./check-import-graph";
import { readRepositorySources } from "./read-repository-sources";

// A small repository that follows the layering; each test breaks it one way.
const base: Record<string, string> = {
  "lib/db/client.ts": "export const db = () => ({});\n",
  "lib/errors.ts": "export class AppError extends Error {}\n",
  "lib/incidents/index.ts": 'export { declareIncident } from "./declare-incident";\n',
  "lib/incidents/declare-incident.ts":
    'import { db } from "../db/client";\nexport const declareIncident = () => db();\n',
  "lib/incidents/format-ref.ts": 'export const formatRef = (n: number) => "INC-" + n;\n',
  "lib/incidents/browser.ts": 'export { formatRef } from "./format-ref";\n',
  "lib/postmortems/index.ts": 'export { draft } from "./draft";\n',
  "lib/postmortems/draft.ts":
    'import { declareIncident } from "../incidents";\nexport const draft = () => declareIncident();\n',
  "components/incidents/ref.tsx":
    '"use client";\nimport { formatRef } from "@/lib/incidents/browser";\nexport const Ref = () => formatRef(1);\n',
  "app/incidents/page.tsx":
    'import { draft } from "@/lib/postmortems";\nimport { Ref } from "@/components/incidents/ref";\nexport default () => [draft(), Ref()];\n',
  "tests/integration/x.test.ts":
    'import { declareIncident } from "../../lib/incidents/declare-incident";\nexport const x = declareIncident;\n',
};

const messages = (sources: Record<string, string>) => checkImportGraph(sources).map((v) => v.message);

describe("the import check", () => {
  it("accepts the layering: barrels across domains, browser.ts for client code, tests inside domains", () => {
    expect(messages(base)).toEqual([]);
  });

  it("refuses a deep cross-domain import and says which barrel to import instead", () => {
    const sources = {
      ...base,
      "lib/postmortems/draft.ts":
        'import { declareIncident } from "../incidents/declare-incident";\nexport const draft = () => declareIncident();\n',
      "app/incidents/page.tsx": 'import { draft } from "@/lib/postmortems/draft";\nexport default draft;\n',
    };
    expect(messages(sources)).toEqual([
      'lib/postmortems/draft.ts: import "../incidents/declare-incident" reaches inside lib/incidents — import { declareIncident } from "../incidents" instead',
      'app/incidents/page.tsx: import "@/lib/postmortems/draft" reaches inside lib/postmortems — import { draft } from "@/lib/postmortems" instead',
    ]);
  });

  it("says what to export when the barrel lacks the name", () => {
    const sources = {
      ...base,
      "lib/postmortems/draft.ts":
        'import { formatRef } from "../incidents/format-ref";\nexport const draft = formatRef;\n',
      "lib/incidents/browser.ts": "export {};\n",
    };
    expect(messages(sources)).toEqual([
      'lib/postmortems/draft.ts: import "../incidents/format-ref" reaches inside lib/incidents — export { formatRef } from lib/incidents/index.ts (from "./format-ref") and import it from "../incidents"',
    ]);
  });

  it("refuses a new cycle between domains, naming each link", () => {
    const sources = {
      ...base,
      "lib/incidents/declare-incident.ts":
        'import { db } from "../db/client";\nimport { draft } from "../postmortems";\nexport const declareIncident = () => [db(), draft];\n',
    };
    const found = messages(sources);
    expect(found).toContain(
      "import cycle between domains lib/incidents, lib/postmortems: lib/incidents → lib/postmortems (lib/incidents/declare-incident.ts); lib/postmortems → lib/incidents (lib/postmortems/draft.ts) — the lower domain must not import the higher one: wire the hook at the route or job, or inject it",
    );
    expect(found.some((m) => m.startsWith("import cycle between files "))).toBe(true);
  });

  it("refuses a file cycle inside one domain (its own barrel imported from inside)", () => {
    const sources = {
      ...base,
      "lib/incidents/format-ref.ts":
        'import { declareIncident } from "./index";\nexport const formatRef = declareIncident;\n',
      "lib/incidents/declare-incident.ts":
        'import { db } from "../db/client";\nimport { formatRef } from "./format-ref";\nexport const declareIncident = () => [db(), formatRef];\n',
    };
    expect(messages(sources)).toContain(
      'import cycle between files lib/incidents/declare-incident.ts, lib/incidents/format-ref.ts, lib/incidents/index.ts — inside a domain import the file itself ("./x"), not the domain\'s index.ts',
    );
  });

  it("refuses imports against the layers: kernel → domain, lib → components, product → tests", () => {
    const sources = {
      ...base,
      "lib/db/client.ts":
        'import { declareIncident } from "../incidents";\nexport const db = () => declareIncident;\n',
      "lib/incidents/format-ref.ts":
        'import { Ref } from "@/components/incidents/ref";\nexport const formatRef = Ref;\n',
      "components/incidents/other.tsx":
        'import { x } from "@/tests/integration/x.test";\nexport const o = x;\n',
    };
    const found = messages(sources);
    expect(found).toContain(
      'lib/db/client.ts: import "../incidents" — a kernel file must not import a domain (layers: app/ → components/ → lib/<domain> → kernel); pass what you need in as an argument or wire it at the route',
    );
    expect(found).toContain(
      'lib/incidents/format-ref.ts: import "@/components/incidents/ref" — a domain file must not import a component (layers: app/ → components/ → lib/<domain> → kernel); pass what you need in as an argument or wire it at the route',
    );
    expect(found).toContain(
      'components/incidents/other.tsx: import "@/tests/integration/x.test" — product code must not import tests, benches or scripts',
    );
  });

  it("refuses a client component that reaches the database, and points it at browser.ts", () => {
    const sources = {
      ...base,
      "components/incidents/ref.tsx":
        '"use client";\nimport { declareIncident } from "@/lib/incidents";\nimport type { Ref as R } from "@/lib/incidents/declare-incident";\nexport const Ref = declareIncident;\n',
    };
    expect(messages(sources)).toEqual([
      'components/incidents/ref.tsx: import "@/lib/incidents/declare-incident" reaches inside lib/incidents — export { Ref } from lib/incidents/index.ts (from "./declare-incident") and import it from "@/lib/incidents"',
      "components/incidents/ref.tsx runs in the browser but reaches the database: components/incidents/ref.tsx → lib/incidents/index.ts → lib/incidents/declare-incident.ts → lib/db/client.ts — import the browser entry (lib/<domain>/browser.ts) or use `import type`",
    ]);
  });

  it("refuses a page that reads the database itself", () => {
    const sources = {
      ...base,
      "lib/db/index.ts": 'export { db } from "./client";\n',
      "app/incidents/page.tsx": 'import { db } from "@/lib/db";\nexport default () => db();\n',
    };
    expect(messages(sources)).toEqual([
      'app/incidents/page.tsx: import "@/lib/db" — pages and components get their data from a domain function (lib/<domain>/index.ts), not from db()',
    ]);
  });

  it("keeps the demo deployment out of product code", () => {
    const sources = {
      ...base,
      "lib/chain/demo/index.ts": "export const ROLE = 1;\n",
      "lib/safe/decode.ts": 'import { ROLE } from "../chain/demo";\nexport const decode = ROLE;\n',
      "lib/devstack/seed.ts": 'import { ROLE } from "../chain/demo";\nexport const seed = ROLE;\n',
    };
    expect(messages(sources)).toEqual([
      'lib/safe/decode.ts: import "../chain/demo" — only lib/devstack/, scripts/, tests/, e2e/, bench/ may import lib/chain/demo: it is the demo deployment (dev, demo and test data); product code must not depend on it',
    ]);
  });

  it("keeps Next out of a domain's index.ts: HTTP handlers live in routes.ts, for app/ only", () => {
    const sources = {
      ...base,
      "lib/incidents/handlers.ts":
        'import { NextResponse } from "next/server";\nexport const GET = () => NextResponse.json({});\n',
      "lib/incidents/index.ts":
        'export { declareIncident } from "./declare-incident";\nexport { GET } from "./handlers";\n',
    };
    expect(messages(sources)).toEqual([
      "lib/incidents/index.ts needs Next to load: lib/incidents/index.ts → lib/incidents/handlers.ts → next/server — HTTP handlers go in the domain's routes.ts (imported by app/ only); roles come from lib/auth/browser.ts; types with `import type`",
      // postmortems' index reaches it through incidents' index: both are named.
      "lib/postmortems/index.ts needs Next to load: lib/postmortems/index.ts → lib/postmortems/draft.ts → lib/incidents/index.ts → lib/incidents/handlers.ts → next/server — HTTP handlers go in the domain's routes.ts (imported by app/ only); roles come from lib/auth/browser.ts; types with `import type`",
    ]);
    const fixed = {
      ...sources,
      "lib/incidents/index.ts": 'export { declareIncident } from "./declare-incident";\n',
      "lib/incidents/routes.ts": 'export { GET } from "./handlers";\n',
      "app/api/incidents/route.ts": 'export { GET } from "@/lib/incidents/routes";\n',
    };
    expect(messages(fixed)).toEqual([]);
    expect(
      messages({
        ...fixed,
        "lib/postmortems/draft.ts": 'import { GET } from "../incidents/routes";\nexport const draft = GET;\n',
      }),
    ).toContain(
      'lib/postmortems/draft.ts: import "../incidents/routes" — lib/incidents/routes.ts holds HTTP handlers for app/ only; call the domain\'s index.ts instead',
    );
  });

  it("passes on this repository (what npm run lint checks)", () => {
    expect(messages(readRepositorySources(process.cwd()))).toEqual([]);
  }, 60_000);
});
