import { randomBytes } from "node:crypto";
import { getAddress } from "viem";
import { describe, expect, it } from "vitest";
import { GET as incidentGet } from "../../app/api/incidents/[ref]/route";
import { POST as declareRoute, GET as listIncidents } from "../../app/api/incidents/route";
import { POST as rpcRoute } from "../../app/api/rpc/[chainId]/route";
import { POST as importRunbook } from "../../app/api/runbooks/route";
import { PATCH as changeRole } from "../../app/api/settings/members/[id]/route";
import { GET as listMembersRoute, POST as upsertMemberRoute } from "../../app/api/settings/members/route";
import { POST as createTokenRoute } from "../../app/api/settings/tokens/route";
import { GET as v1List } from "../../app/api/v1/incidents/route";
import { endSessionRecord } from "../../lib/auth/session-records";
import { db } from "../../lib/db/client";
import { metrics } from "../../lib/metrics";
import { browserRequest, params, signedInMember } from "./http-support";

const newAddress = () => getAddress(`0x${randomBytes(20).toString("hex")}`);

describe("CSRF: cookie-authenticated mutations come from this console's own pages", () => {
  it("refuses a form another site (another localhost port) posts with the admin's cookie; nothing is written", async () => {
    const admin = await signedInMember("admin");
    const target = newAddress();
    const attempts: { origin: string | null; headers: Record<string, string> }[] = [
      // What the review did: a text/plain form from http://localhost:8999.
      {
        origin: "http://localhost:8999",
        headers: { "content-type": "text/plain", "sec-fetch-site": "same-site" },
      },
      { origin: "http://localhost:8999", headers: { "content-type": "application/json" } },
      { origin: null, headers: { "content-type": "application/json", "sec-fetch-site": "cross-site" } },
      { origin: null, headers: { "content-type": "application/json" } },
      { origin: "null", headers: { "content-type": "application/json" } },
    ];
    for (const attempt of attempts) {
      const response = await upsertMemberRoute(
        browserRequest("/api/settings/members", {
          method: "POST",
          cookie: admin.cookie,
          origin: attempt.origin,
          headers: attempt.headers,
          body: JSON.stringify({ address: target, displayName: "Mallory", role: "admin" }),
        }),
      );
      expect(response.status).toBe(403);
      expect((await response.json()).error.message).toContain("Cross-origin request refused");
    }
    expect(await db().member.findUnique({ where: { address: target } })).toBeNull();

    // The console's own page: same Origin (or Sec-Fetch-Site: same-origin), JSON.
    const own = await upsertMemberRoute(
      browserRequest("/api/settings/members", {
        method: "POST",
        cookie: admin.cookie,
        json: { address: target, displayName: "Grace", role: "viewer" },
      }),
    );
    expect(own.status).toBe(201);
    const fetchMetadata = await upsertMemberRoute(
      browserRequest("/api/settings/members", {
        method: "POST",
        cookie: admin.cookie,
        origin: null,
        headers: { "sec-fetch-site": "same-origin" },
        json: { address: target, displayName: "Grace H", role: "viewer" },
      }),
    );
    expect(fetchMetadata.status).toBe(201);
    // Reads are not mutations: no Origin needed.
    expect(
      (await listMembersRoute(browserRequest("/api/settings/members", { cookie: admin.cookie }))).status,
    ).toBe(200);
  });

  it("wants application/json where JSON is expected, even from the console's own origin (415)", async () => {
    const responder = await signedInMember("responder");
    const title = `Text plain ${randomBytes(3).toString("hex")}`;
    const response = await declareRoute(
      browserRequest("/api/incidents", {
        method: "POST",
        cookie: responder.cookie,
        headers: { "content-type": "text/plain" },
        body: JSON.stringify({ title, severity: "P2" }),
      }),
    );
    expect(response.status).toBe(415);
    expect(await db().incident.count({ where: { title } })).toBe(0);
  });

  it("an API token is exempt from the origin check but not from the role check", async () => {
    const admin = await signedInMember("admin");
    const created = await createTokenRoute(
      browserRequest("/api/settings/tokens", {
        method: "POST",
        cookie: admin.cookie,
        json: { name: `csrf-${randomBytes(3).toString("hex")}`, role: "viewer" },
      }),
    );
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    const asViewer = await upsertMemberRoute(
      browserRequest("/api/settings/members", {
        method: "POST",
        origin: "http://localhost:8999",
        headers: { authorization: `Bearer ${token}` },
        json: { address: newAddress(), displayName: "x", role: "admin" },
      }),
    );
    expect(asViewer.status).toBe(403);
    expect((await asViewer.json()).error.message).toContain("admin role");
  });
});

describe("API v1 is tokens only", () => {
  it("a malformed Authorization header (Bearer<TAB>junk) is refused, never passed over for the cookie", async () => {
    const admin = await signedInMember("admin");
    for (const authorization of ["Bearer\tjunk", "Bearer", "Basic abc", "Bearer  a b", "bearer\t"]) {
      const response = await v1List(
        browserRequest("/api/v1/incidents", { cookie: admin.cookie, headers: { authorization } }),
      );
      expect(response.status).toBe(401);
    }
    // The cookie alone is not enough either; on the console's own API it is.
    expect((await v1List(browserRequest("/api/v1/incidents", { cookie: admin.cookie }))).status).toBe(401);
    expect((await listIncidents(browserRequest("/api/incidents", { cookie: admin.cookie }))).status).toBe(
      200,
    );
    expect(
      (
        await listIncidents(
          browserRequest("/api/incidents", {
            cookie: admin.cookie,
            headers: { authorization: "Bearer\tjunk" },
          }),
        )
      ).status,
    ).toBe(401);
  });
});

describe("API tokens are capped by their creator's current role", () => {
  it("an admin's token acts as a viewer once the admin is demoted, and as nobody once removed", async () => {
    const creator = await signedInMember("admin");
    const other = await signedInMember("admin");
    const created = await createTokenRoute(
      browserRequest("/api/settings/tokens", {
        method: "POST",
        cookie: creator.cookie,
        json: { name: `cap-${randomBytes(3).toString("hex")}`, role: "admin" },
      }),
    );
    const { token } = (await created.json()) as { token: string };
    const bearer = { authorization: `Bearer ${token}` };
    const addMember = () =>
      upsertMemberRoute(
        browserRequest("/api/settings/members", {
          method: "POST",
          headers: bearer,
          json: { address: newAddress(), displayName: "Via token", role: "viewer" },
        }),
      );
    expect((await addMember()).status).toBe(201);

    const demoted = await changeRole(
      browserRequest(`/api/settings/members/${creator.member.id}`, {
        method: "PATCH",
        cookie: other.cookie,
        json: { role: "viewer" },
      }),
      params({ id: creator.member.id }),
    );
    expect(demoted.status).toBe(200);
    const refused = await addMember();
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toContain("you are viewer");
    expect(
      (await listMembersRoute(browserRequest("/api/settings/members", { headers: bearer }))).status,
    ).toBe(200);

    await db().member.delete({ where: { id: creator.member.id } });
    expect(
      (await listMembersRoute(browserRequest("/api/settings/members", { headers: bearer }))).status,
    ).toBe(401);
  });
});

describe("sessions", () => {
  it("an ended session (sign-out) no longer authenticates, though the cookie is still within its 12 h", async () => {
    const member = await signedInMember("viewer");
    expect(
      (await listMembersRoute(browserRequest("/api/settings/members", { cookie: member.cookie }))).status,
    ).toBe(200);
    await endSessionRecord(member.sid);
    expect(
      (await listMembersRoute(browserRequest("/api/settings/members", { cookie: member.cookie }))).status,
    ).toBe(401);
  });
});

describe("last admin", () => {
  it("POST /api/settings/members cannot demote the only admin (the upsert path), nor can two demotions at once", async () => {
    const admins = await db().member.findMany({ where: { role: "admin" } });
    // Leave exactly one admin for the test, restored afterwards.
    const only = await signedInMember("admin");
    await db().member.updateMany({
      where: { id: { in: admins.map((a) => a.id) } },
      data: { role: "commander" },
    });
    try {
      const response = await upsertMemberRoute(
        browserRequest("/api/settings/members", {
          method: "POST",
          cookie: only.cookie,
          json: { address: only.member.address, displayName: "Still me", role: "viewer" },
        }),
      );
      expect(response.status).toBe(409);
      expect((await db().member.findUniqueOrThrow({ where: { id: only.member.id } })).role).toBe("admin");

      const second = await signedInMember("admin");
      const [a, b] = await Promise.all([
        changeRole(
          browserRequest(`/api/settings/members/${only.member.id}`, {
            method: "PATCH",
            cookie: second.cookie,
            json: { role: "viewer" },
          }),
          params({ id: only.member.id }),
        ),
        changeRole(
          browserRequest(`/api/settings/members/${second.member.id}`, {
            method: "PATCH",
            cookie: only.cookie,
            json: { role: "viewer" },
          }),
          params({ id: second.member.id }),
        ),
      ]);
      // One wins; the other is refused (409 by the guard, or 403 if its caller was already demoted).
      expect([a.status, b.status].filter((status) => status === 200)).toHaveLength(1);
      expect(await db().member.count({ where: { role: "admin" } })).toBe(1);
    } finally {
      await db().member.updateMany({
        where: { id: { in: admins.map((a) => a.id) } },
        data: { role: "admin" },
      });
    }
  });
});

describe("bodies are read with a hard cap, counted while they arrive", () => {
  it("a chunked 150 MB body to the RPC proxy is refused after about 1 MB has been read", async () => {
    const viewer = await signedInMember("viewer");
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 150 * 1024 * 1024) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await rpcRoute(
      browserRequest("/api/rpc/31337", {
        method: "POST",
        cookie: viewer.cookie,
        headers: { "content-type": "application/json" },
        body,
      }),
      params({ chainId: "31337" }),
    );
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(3 * 1024 * 1024);
  });

  it("a runbook upload without Content-Length is cut off at its limit, before it is read whole", async () => {
    const responder = await signedInMember("responder");
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 64 * 1024 * 1024) return controller.close();
        pulled += 64 * 1024;
        controller.enqueue(new TextEncoder().encode("# x\n".repeat(16 * 1024)));
      },
    });
    const response = await importRunbook(
      browserRequest("/api/runbooks", {
        method: "POST",
        cookie: responder.cookie,
        headers: { "content-type": "text/markdown" },
        body,
      }),
    );
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(8 * 1024 * 1024);
  });
});

describe("/metrics labels", () => {
  it("made-up paths answering 401 fold into their route template", async () => {
    const made = `wp-admin-${randomBytes(4).toString("hex")}`;
    const response = await incidentGet(browserRequest(`/api/incidents/${made}`), params({ ref: made }));
    expect(response.status).toBe(401);
    const text = await metrics().registry.metrics();
    expect(text).not.toContain(made);
    expect(text).toContain('route="/api/incidents/[ref]",method="GET",status="401"');
  });
});
