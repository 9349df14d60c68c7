import { describe, expect, it } from "vitest";
import { matchAlertRoute, type RouteRule } from "./match-alert-route";

function rule(overrides: Partial<RouteRule> & { id: string }): RouteRule {
  return {
    matchAlertName: null,
    matchLabels: {},
    severityName: "P2",
    runbookAnchors: [],
    priority: 100,
    isEnabled: true,
    createdAt: new Date("2026-01-01T00:00:00Z"),
    ...overrides,
  };
}

describe("matchAlertRoute", () => {
  const routes = [
    rule({ id: "catch-all", priority: 1000 }),
    rule({ id: "paused", matchAlertName: "ProtocolGloballyPaused", severityName: "P1" }),
    rule({
      id: "paused-mainnet",
      matchAlertName: "ProtocolGloballyPaused",
      matchLabels: { chain: "1" },
      priority: 10,
    }),
    rule({ id: "disabled", matchAlertName: "BridgePaused", priority: 1, isEnabled: false }),
  ];

  it("takes the first match by priority", () => {
    expect(matchAlertRoute(routes, { name: "ProtocolGloballyPaused", labels: { chain: "1" } })?.id).toBe(
      "paused-mainnet",
    );
    expect(matchAlertRoute(routes, { name: "ProtocolGloballyPaused", labels: { chain: "10" } })?.id).toBe(
      "paused",
    );
  });

  it("skips disabled routes and falls through to a catch-all", () => {
    expect(matchAlertRoute(routes, { name: "BridgePaused", labels: {} })?.id).toBe("catch-all");
  });

  it("returns null when nothing matches", () => {
    expect(matchAlertRoute(routes.slice(1), { name: "Other", labels: {} })).toBeNull();
  });

  it("breaks priority ties by age", () => {
    const older = rule({ id: "older", createdAt: new Date("2025-01-01T00:00:00Z") });
    const newer = rule({ id: "newer" });
    expect(matchAlertRoute([newer, older], { name: "X", labels: {} })?.id).toBe("older");
  });
});
