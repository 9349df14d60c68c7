import { describe, expect, it } from "vitest";
import { onCallAt } from "./rotation-on-call";

const rotation = {
  period: "weekly",
  handoffAt: new Date("2026-11-02T09:00:00Z"),
  memberIds: ["alice", "bob", "carol"],
  overrides: [{ memberId: "dave", startsAt: "2026-11-20T00:00:00Z", endsAt: "2026-11-21T00:00:00Z" }],
};

describe("onCallAt", () => {
  it("hands off every period at the hand-off time, in turn", () => {
    expect(onCallAt(rotation, new Date("2026-11-02T08:59:00Z"))?.memberId).toBe("alice");
    expect(onCallAt(rotation, new Date("2026-11-09T08:59:59Z"))?.memberId).toBe("alice");
    expect(onCallAt(rotation, new Date("2026-11-09T09:00:00Z"))).toEqual({
      memberId: "bob",
      until: new Date("2026-11-16T09:00:00Z"),
    });
    expect(onCallAt(rotation, new Date("2026-11-23T10:00:00Z"))?.memberId).toBe("alice");
    expect(onCallAt({ ...rotation, period: "daily" }, new Date("2026-11-04T09:00:00Z"))?.memberId).toBe(
      "carol",
    );
  });

  it("an override covers its window only", () => {
    expect(onCallAt(rotation, new Date("2026-11-20T12:00:00Z"))?.memberId).toBe("dave");
    expect(onCallAt(rotation, new Date("2026-11-21T00:00:00Z"))?.memberId).toBe("carol");
    expect(onCallAt({ ...rotation, memberIds: [] }, new Date())).toBeNull();
  });
});
