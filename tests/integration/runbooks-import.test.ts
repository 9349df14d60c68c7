import { describe, expect, it } from "vitest";
import { POST as previewRoute } from "../../app/api/runbooks/preview/route";
import { POST as importRoute } from "../../app/api/runbooks/route";
import { db } from "../../lib/db/client";
import { importRunbook, MAX_RUNBOOK_BYTES, previewRunbook } from "../../lib/runbooks";
import {
  EXAMPLE_RUNBOOK_SLUG,
  EXAMPLE_RUNBOOK_TITLE,
  readExampleRunbook,
  readFixtureRunbook,
} from "../support/runbook-fixtures";
import { bearer, smallRunbook, unique } from "./runbooks-support";

describe("importing a runbook", () => {
  it("creates version 1, version 2 for changed text, and no new version for the same text", async () => {
    const title = `Import test ${unique()}`;
    const first = await importRunbook({ source: smallRunbook(title), importedBy: "test" });
    expect(first.isNew).toBe(true);
    expect(first.version.version).toBe(1);
    expect(first.document.title).toBe(title);
    expect(first.version.source).toBe(smallRunbook(title));

    const changed = smallRunbook(title, "- [ ] Rotate the keys\n");
    const second = await importRunbook({ source: new TextEncoder().encode(changed), importedBy: "test" });
    expect(second).toMatchObject({
      isNew: true,
      document: { id: first.document.id },
      version: { version: 2 },
    });
    expect(second.version.source).toBe(changed);

    const again = await importRunbook({ source: changed, importedBy: "test" });
    expect(again.isNew).toBe(false);
    expect(again.version.id).toBe(second.version.id);
    expect(await db().runbookVersion.count({ where: { documentId: first.document.id } })).toBe(2);
  });

  it("keeps the original text byte for byte (mis-encoded, BOM) and its sha256", async () => {
    const bytes = new TextEncoder().encode(
      `\uFEFF${readFixtureRunbook("mis-encoded.md").replace("# Vault", `# ${unique()} Vault`)}`,
    );
    const { version } = await importRunbook({ source: bytes, importedBy: "test" });
    expect(new TextEncoder().encode(version.source)).toEqual(bytes);
    const { createHash } = await import("node:crypto");
    expect(version.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
  });

  it("the demo seed imported the project's example runbook, once, with its contracts bound", async () => {
    const example = await db().runbookDocument.findUniqueOrThrow({
      where: { slug: EXAMPLE_RUNBOOK_SLUG },
      include: { versions: true },
    });
    expect(example.title).toBe(EXAMPLE_RUNBOOK_TITLE);
    expect(example.versions).toHaveLength(1);
    expect(example.versions[0]!.importedBy).toBe("seed");
    expect(example.versions[0]!.source).toBe(readExampleRunbook());
    // The seeded chain-watch rules attach sections of this runbook: each reference must name one of them.
    const anchors = new Set(
      (example.versions[0]!.parsed as { runbooks: { anchor: string }[] }).runbooks.map((s) => s.anchor),
    );
    const references = (await db().watchRule.findMany()).flatMap((rule) => rule.runbookAnchors);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      const [slug, anchor] = reference.split("#");
      expect(slug).toBe(EXAMPLE_RUNBOOK_SLUG);
      expect(anchors.has(anchor!), reference).toBe(true);
    }
  });
});

describe("the preview", () => {
  it("shows what was recognised and which placeholders are bound, storing nothing", async () => {
    const before = await db().runbookVersion.count();
    const preview = await previewRunbook({ text: readExampleRunbook(), fileName: "demo-protocol.md" });
    expect(await db().runbookVersion.count()).toBe(before);
    expect(preview.title).toBe(EXAMPLE_RUNBOOK_TITLE);
    expect(preview.isMojibakeRepaired).toBe(false);
    expect(preview.existing).toMatchObject({ latestVersion: 1, isIdentical: true });
    expect(preview.severityLevels.map((level) => level.name)).toEqual(["P1", "P2", "P3", "P4"]);
    expect(preview.alertRoutes).toHaveLength(7);
    expect(preview.templates).toHaveLength(2);
    expect(preview.actions[0]).toMatchObject({ signature: "pauseGlobal()", selector: "0x98e9a952" });
    const byName = Object.fromEntries(
      preview.placeholders.map((p) => [p.placeholder, p.contract?.name ?? null]),
    );
    // Every contract the runbook targets is bound by the demo seed; the rest are values a responder fills in.
    expect(byName).toEqual({
      $GLOBAL_PAUSE_REGISTRY: "GlobalPauseRegistry",
      $BLE_BRIDGE_V9: "BLEBridgeV9",
      $PRICE_ORACLE: "PriceOracle",
      $PRICE_FEED: "MockPriceFeed",
      $NEW_FEED: null,
      $NEW_GUARDIAN: null,
      $OLD_GUARDIAN: null,
    });
    const pause = preview.sections.find((section) => section.anchor === "pre-unpause-checklist");
    expect(pause?.counts.check).toBe(6);
  });

  it("says when the text was mis-encoded and repaired, and that it is new", async () => {
    const preview = await previewRunbook({
      text: readFixtureRunbook("mis-encoded.md").replace("# Vault", `# ${unique()} Vault`),
      fileName: "mis-encoded.md",
    });
    expect(preview.isMojibakeRepaired).toBe(true);
    expect(preview.title).toMatch(/Vault Operations — Lending Desk Runbooks$/);
    expect(preview.existing).toBeNull();
  });
});

describe("bad uploads are refused with a clear message, and nothing is stored", () => {
  const cases: [string, Uint8Array, number, RegExp][] = [
    ["empty", new TextEncoder().encode("  \n\n "), 422, /file: is empty/],
    [
      "binary",
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      422,
      /binary/,
    ],
    ["not UTF-8", Uint8Array.from([0x23, 0x20, 0x54, 0xe9, 0x74, 0xe9, 0x0a]), 422, /not valid UTF-8/],
    ["too large", new TextEncoder().encode(`# Big\n${"x".repeat(MAX_RUNBOOK_BYTES)}`), 413, /at most 2 MB/],
  ];

  it.each(cases)("%s", async (_name, bytes, status, message) => {
    const documents = await db().runbookDocument.count();
    const versions = await db().runbookVersion.count();
    await expect(importRunbook({ source: bytes, importedBy: "test" })).rejects.toThrow(message);

    const headers = await bearer("responder");
    for (const handler of [importRoute, previewRoute]) {
      const form = new FormData();
      form.set("file", new Blob([bytes as BlobPart]), "upload.md");
      const response = await handler(
        new Request("http://localhost/api/runbooks", { method: "POST", headers, body: form }),
        {},
      );
      expect(response.status).toBe(status);
      const body = (await response.json()) as { error: { message: string; fields: { path: string }[] } };
      expect(body.error.message).toMatch(message);
      expect(body.error.fields[0]?.path).toBe("file");
    }
    expect(await db().runbookDocument.count()).toBe(documents);
    expect(await db().runbookVersion.count()).toBe(versions);
  });

  it("imports through the route: pasted JSON and an uploaded file", async () => {
    const headers = await bearer("responder");
    const title = `Route import ${unique()}`;
    const pasted = await importRoute(
      new Request("http://localhost/api/runbooks", {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ markdown: smallRunbook(title) }),
      }),
      {},
    );
    expect(pasted.status).toBe(201);
    const form = new FormData();
    form.set("file", new Blob([smallRunbook(title)]), "runbook.md");
    const uploaded = await importRoute(
      new Request("http://localhost/api/runbooks", { method: "POST", headers, body: form }),
      {},
    );
    expect(uploaded.status).toBe(200);
    expect(await uploaded.json()).toMatchObject({ isNew: false, version: { version: 1 } });
  });
});
