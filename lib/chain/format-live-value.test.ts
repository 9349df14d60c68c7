import { describe, expect, it } from "vitest";
import { formatLiveValue } from "./format-live-value";

describe("formatLiveValue", () => {
  it("keeps flags as the chain says them", () => {
    expect(formatLiveValue("paused", true)).toEqual({ text: "true", raw: "true" });
    expect(formatLiveValue("isGloballyPaused", false).text).toBe("false");
  });

  it("shows a large amount grouped and at 18 decimals, and keeps the exact value", () => {
    expect(formatLiveValue("supplyCap", 1_000_000n * 10n ** 18n)).toEqual({
      text: "1,000,000,000,000,000,000,000,000 (1,000,000 at 18 decimals)",
      raw: "1000000000000000000000000",
    });
    expect(formatLiveValue("getRemainingDailyCapLimit", 2_500_000_000_000_000_000n).text).toBe(
      "2,500,000,000,000,000,000 (2.5 at 18 decimals)",
    );
    expect(formatLiveValue("supplyCap", 12_345n).text).toBe("12,345");
  });

  it("shows a Unix time as a UTC date, and 0 as none", () => {
    expect(formatLiveValue("unpauseRequestTime", 1_764_140_400n).text).toBe("2025-11-26 07:00:00 UTC");
    expect(formatLiveValue("unpauseRequestTime", 0n)).toEqual({ text: "none", raw: "0" });
  });

  it("groups a count and leaves reads it does not know as they are", () => {
    expect(formatLiveValue("currentNonce", 1234n).text).toBe("1,234");
    expect(formatLiveValue("somethingElse", 1234n).text).toBe("1234");
  });
});
