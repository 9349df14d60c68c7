import { describe, expect, it } from "vitest";
import { loginErrorMessage, safeCallbackPath, safeRedirectTarget } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it.each([
    "//evil.example/x",
    "/\\evil.example/x",
    "/\\/evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "/\t/evil.example",
    "/\n/evil.example",
    "",
    "incidents",
  ])("sends %j home", (candidate) => {
    expect(safeCallbackPath(candidate)).toBe("/incidents");
  });

  it("keeps same-console paths with their query and hash", () => {
    expect(safeCallbackPath("/runbooks")).toBe("/runbooks");
    expect(safeCallbackPath("/incidents/INC-4?tab=timeline#e12")).toBe("/incidents/INC-4?tab=timeline#e12");
    expect(safeCallbackPath(undefined)).toBe("/incidents");
  });

  it("next-auth's redirect callback stays on the console's origin", () => {
    const base = "http://localhost:3000";
    expect(safeRedirectTarget("//evil.example", base)).toBe(`${base}/incidents`);
    expect(safeRedirectTarget("https://evil.example/x", base)).toBe(`${base}/incidents`);
    expect(safeRedirectTarget(`${base}/proposals`, base)).toBe(`${base}/proposals`);
    expect(safeRedirectTarget("/login", base)).toBe(`${base}/login`);
  });

  it("the login page shows known error codes only", () => {
    expect(loginErrorMessage("CredentialsSignin")).toBe("Sign-in failed.");
    expect(loginErrorMessage("Your wallet is compromised, call us")).toBe("Sign-in failed.");
    expect(loginErrorMessage("__proto__")).toBe("Sign-in failed.");
    expect(loginErrorMessage(undefined)).toBeUndefined();
  });
});
