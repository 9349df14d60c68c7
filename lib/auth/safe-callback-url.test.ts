import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps a console path with its query", () => {
    expect(safeCallbackUrl("/proposals/abc?from=link")).toBe("/proposals/abc?from=link");
  });
  it.each([
    "//evil.example/x",
    "/\\evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "",
    null,
    "/a\nb",
  ])("refuses %s", (value) => expect(safeCallbackUrl(value)).toBe("/incidents"));
});
