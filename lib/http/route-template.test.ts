import { describe, expect, it } from "vitest";
import { routeTemplate } from "./route-template";

const at = (pathname: string, params: Record<string, string | string[]> = {}) =>
  routeTemplate(pathname, Promise.resolve(params));

describe("routeTemplate", () => {
  it("labels a request with its route template, whatever the values", async () => {
    expect(await at("/api/incidents/INC-42/events", { ref: "INC-42" })).toBe("/api/incidents/[ref]/events");
    // Made-up values (the 401s that used to mint a label each) fold into the same template.
    for (const made of ["wp-admin", "..%2f..", "x".repeat(300), "%00"]) {
      const decoded = decodeURIComponent(made);
      expect(await at(`/api/incidents/${made}/events`, { ref: decoded })).toBe("/api/incidents/[ref]/events");
    }
    expect(await at("/api/incidents/x/runbooks/y/checks", { ref: "x", runId: "y" })).toBe(
      "/api/incidents/[ref]/runbooks/[runId]/checks",
    );
    expect(await at("/api/incidents/same/runbooks/same/checks", { ref: "same", runId: "same" })).toBe(
      "/api/incidents/[ref]/runbooks/[runId]/checks",
    );
    // A value equal to a fixed segment of the path is ambiguous: one fixed label, not the caller's text.
    expect(await at("/api/incidents/events/events", { ref: "events" })).toBe("(unmatched)");
    expect(await at("/api/auth/callback/siwe", { nextauth: ["callback", "siwe"] })).toBe(
      "/api/auth/[...nextauth]",
    );
    expect(await at("/api/health")).toBe("/api/health");
  });

  it("never returns a value it could not place", async () => {
    expect(await at("/api/rpc/1", { chainId: "2" })).toBe("(unmatched)");
    expect(await routeTemplate("/api/x", Promise.reject(new Error("no")))).toBe("(unmatched)");
  });
});
