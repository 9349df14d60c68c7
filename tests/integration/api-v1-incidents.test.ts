import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import * as eventsRoute from "../../app/api/v1/incidents/[ref]/events/route";
import * as incidentRoute from "../../app/api/v1/incidents/[ref]/route";
import * as incidentsRoute from "../../app/api/v1/incidents/route";
import * as openapiRoute from "../../app/api/v1/openapi.json/route";
import { createApiToken, revokeApiToken } from "../../lib/auth/api-tokens";
import { ZApiEvent, ZApiIncident } from "../../lib/incidents";

const run = promisify(execFile);
const BASE = "http://breakglass.test/api/v1";
const tokens: Record<"viewer" | "responder", string> = { viewer: "", responder: "" };

beforeAll(async () => {
  tokens.viewer = (
    await createApiToken({ name: `viewer-${randomUUID()}`, role: "viewer", createdBy: "cli" })
  ).token;
  tokens.responder = (
    await createApiToken({ name: `resp-${randomUUID()}`, role: "responder", createdBy: "cli" })
  ).token;
});

function request(
  path: string,
  options: { token?: string | null; method?: string; body?: unknown; raw?: string } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new Request(`${BASE}${path}`, {
    method: options.method ?? "GET",
    headers,
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
}
const params = (ref: string) => ({ params: Promise.resolve({ ref }) });

async function declare(body: Record<string, unknown>, token = tokens.responder) {
  const response = await incidentsRoute.POST(
    request("/incidents", { method: "POST", token, body }),
    undefined,
  );
  return { status: response.status, body: await response.json() };
}

describe("API v1 authentication and roles", () => {
  it("answers 401 without a token, with a malformed or unknown token, and with a revoked one", async () => {
    const missing = await incidentsRoute.GET(request("/incidents", { token: null }), undefined);
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.message).toContain("API token is required");
    expect(
      (await incidentsRoute.GET(request("/incidents", { token: "bg_not-a-real-token" }), undefined)).status,
    ).toBe(401);
    expect((await incidentsRoute.GET(request("/incidents", { token: "nonsense" }), undefined)).status).toBe(
      401,
    );
    const { token, record } = await createApiToken({
      name: `revoked-${randomUUID()}`,
      role: "admin",
      createdBy: "cli",
    });
    expect((await incidentsRoute.GET(request("/incidents", { token }), undefined)).status).toBe(200);
    await revokeApiToken(record.id);
    expect((await incidentsRoute.GET(request("/incidents", { token }), undefined)).status).toBe(401);
  });

  it("a viewer token reads but cannot POST (403), and nothing is written", async () => {
    const title = `Viewer cannot ${randomUUID()}`;
    expect(
      (await incidentsRoute.GET(request("/incidents", { token: tokens.viewer }), undefined)).status,
    ).toBe(200);
    const refused = await declare({ title, severity: "P1" }, tokens.viewer);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("responder role");
    const { body } = await declare({ title: `Existing ${randomUUID()}`, severity: "P3" });
    const note = await eventsRoute.POST(
      request(`/incidents/${body.incident.ref}/events`, {
        method: "POST",
        token: tokens.viewer,
        body: { kind: "note.added", markdown: "x" },
      }),
      params(body.incident.ref),
    );
    expect(note.status).toBe(403);
    const list = await (
      await incidentsRoute.GET(
        request(`/incidents?q=${encodeURIComponent(title)}`, { token: tokens.viewer }),
        undefined,
      )
    ).json();
    expect(list.incidents).toEqual([]);
  });
});

describe("API v1 validation", () => {
  it("answers 400 for a body that is not JSON and 422 naming the wrong field", async () => {
    const notJson = await incidentsRoute.POST(
      request("/incidents", { method: "POST", token: tokens.responder, raw: "{title:" }),
      undefined,
    );
    expect(notJson.status).toBe(400);
    const short = await declare({ title: "x", severity: "P1" });
    expect(short.status).toBe(422);
    expect(short.body.error.fields).toContainEqual({
      path: "title",
      message: "must be at least 3 characters",
    });
    const unknownLevel = await declare({ title: "Unknown level", severity: "P9" });
    expect(unknownLevel.status).toBe(422);
    expect(unknownLevel.body.error.fields[0].path).toBe("severity");
    const badVia = await declare({ title: "Bad source", severity: "P1", detectedVia: "psychic" });
    expect(badVia.status).toBe(422);
    expect(badVia.body.error.fields[0].path).toBe("detectedVia");
    const { body } = await declare({ title: `Validation ${randomUUID()}`, severity: "P2" });
    const emptyNote = await eventsRoute.POST(
      request(`/incidents/${body.incident.ref}/events`, {
        method: "POST",
        token: tokens.responder,
        body: { kind: "note.added", markdown: "  " },
      }),
      params(body.incident.ref),
    );
    expect(emptyNote.status).toBe(422);
    expect((await emptyNote.json()).error.fields[0].path).toBe("markdown");
    const badKind = await eventsRoute.POST(
      request(`/incidents/${body.incident.ref}/events`, {
        method: "POST",
        token: tokens.responder,
        body: { kind: "incident.resolved" },
      }),
      params(body.incident.ref),
    );
    expect(badKind.status).toBe(422);
    expect((await badKind.json()).error.fields[0].path).toBe("kind");
    const badQuery = await incidentsRoute.GET(
      request("/incidents?limit=5000", { token: tokens.viewer }),
      undefined,
    );
    expect(badQuery.status).toBe(422);
    expect((await badQuery.json()).error.fields[0].path).toBe("limit");
  });

  it("answers 404 for an unknown or malformed ref", async () => {
    for (const ref of ["INC-999999999", "nope"]) {
      expect(
        (await incidentRoute.GET(request(`/incidents/${ref}`, { token: tokens.viewer }), params(ref))).status,
      ).toBe(404);
      const post = await eventsRoute.POST(
        request(`/incidents/${ref}/events`, {
          method: "POST",
          token: tokens.responder,
          body: { kind: "note.added", markdown: "x" },
        }),
        params(ref),
      );
      expect(post.status).toBe(404);
    }
  });
});

describe("API v1 incidents and events", () => {
  it("declares once per idempotency key (sequential and concurrent), reads it, and adds and lists events", async () => {
    const key = `api-${randomUUID()}`;
    const body = { title: `API declared ${randomUUID()}`, severity: "P1", idempotencyKey: key };
    const first = await declare(body);
    const second = await declare(body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.incident.ref).toBe(first.body.incident.ref);
    const raceKey = `api-race-${randomUUID()}`;
    const raced = await Promise.all([1, 2, 3, 4].map(() => declare({ ...body, idempotencyKey: raceKey })));
    expect(new Set(raced.map((r) => r.body.incident.ref)).size).toBe(1);
    expect(raced.filter((r) => r.status === 201)).toHaveLength(1);

    const ref = first.body.incident.ref as string;
    const got = await (
      await incidentRoute.GET(request(`/incidents/${ref}`, { token: tokens.viewer }), params(ref))
    ).json();
    expect(ZApiIncident.parse(got.incident)).toMatchObject({
      ref,
      severity: { name: "P1", responseTargetSeconds: 900 },
    });
    const added = await eventsRoute.POST(
      request(`/incidents/${ref}/events`, {
        method: "POST",
        token: tokens.responder,
        body: { kind: "note.added", markdown: "from the API" },
      }),
      params(ref),
    );
    expect(added.status).toBe(201);
    const { event } = await added.json();
    expect(ZApiEvent.parse(event)).toMatchObject({ kind: "note.added", author: { type: "api" } });
    const listed = await (
      await eventsRoute.GET(request(`/incidents/${ref}/events`, { token: tokens.viewer }), params(ref))
    ).json();
    expect(listed.events.map((e: { kind: string }) => e.kind)).toEqual(["incident.declared", "note.added"]);
    const after = await (
      await eventsRoute.GET(
        request(`/incidents/${ref}/events?after=${listed.events[0].id}`, { token: tokens.viewer }),
        params(ref),
      )
    ).json();
    expect(after.events.map((e: { id: number }) => e.id)).toEqual([event.id]);
  });

  it("serves an OpenAPI 3.1 document generated from the zod schemas", async () => {
    const doc = await (await openapiRoute.GET(request("/openapi.json"))).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual([
      "/api/v1/incidents",
      "/api/v1/incidents/{ref}",
      "/api/v1/incidents/{ref}/events",
    ]);
    expect(doc.components.schemas.DeclareIncident.required).toEqual(["title", "severity"]);
    expect(doc.components.schemas.DeclareIncident.properties.title).toMatchObject({
      type: "string",
      minLength: 3,
    });
    expect(
      doc.components.schemas.TimelineEntry.oneOf ?? doc.components.schemas.TimelineEntry.anyOf,
    ).toHaveLength(5);
    expect(doc.paths["/api/v1/incidents"].get.parameters.map((p: { name: string }) => p.name)).toContain(
      "cursor",
    );
  });
});

describe("admin CLI", () => {
  it("creates a token it prints once, which then authenticates; bad arguments exit 2 naming the flag", async () => {
    const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL! };
    const { stdout } = await run(
      "npx",
      ["tsx", "scripts/admin.ts", "token", "create", "--name", `cli-${randomUUID()}`, "--role", "responder"],
      { env },
    );
    const token = stdout.trim();
    expect(token).toMatch(/^bg_[A-Za-z0-9_-]{20,}$/);
    const { status } = await declare(
      { title: `Declared with a CLI token ${randomUUID()}`, severity: "P4" },
      token,
    );
    expect(status).toBe(201);
    const bad = await run(
      "npx",
      ["tsx", "scripts/admin.ts", "token", "create", "--name", "x", "--role", "root"],
      { env },
    ).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(bad?.code).toBe(2);
    expect(bad?.stderr).toContain("--role: must be one of viewer, responder, commander, admin");
  });
});
