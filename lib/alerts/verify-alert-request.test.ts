import { describe, expect, it } from "vitest";
import { encryptSecret, hashSecret } from "../crypto";
import { AppError } from "../errors";
import { signAlertBody, verifyAlertRequest } from "./verify-alert-request";

const body = Buffer.from('{"hello":"world"}');
const now = new Date("2026-05-01T12:00:00Z");
const ts = Math.floor(now.getTime() / 1000);

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

describe("verifyAlertRequest (bearer)", () => {
  const secrets = [
    { id: "old", hash: hashSecret("bga_old"), ciphertext: null, revokedAt: null },
    { id: "revoked", hash: hashSecret("bga_revoked"), ciphertext: null, revokedAt: new Date() },
  ];
  const check = (authorization?: string) =>
    verifyAlertRequest({
      authMode: "bearer",
      secrets,
      headers: new Headers(authorization ? { authorization } : {}),
      body,
      now,
    });

  it("accepts an active token and names the secret", () => expect(check("Bearer bga_old")).toBe("old"));
  it("refuses a missing, wrong or revoked token", () => {
    expect(codeOf(() => check())).toBe("BAD_CREDENTIALS");
    expect(codeOf(() => check("Bearer bga_other"))).toBe("BAD_CREDENTIALS");
    expect(codeOf(() => check("Bearer bga_revoked"))).toBe("BAD_CREDENTIALS");
  });
});

describe("signAlertBody", () => {
  it("is HMAC-SHA256 over `timestamp.body`, hex, with a sha256= prefix", () => {
    // printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac key
    expect(signAlertBody("key", 1700000000, '{"a":1}')).toBe(
      "sha256=a438e398bfafc57e4396bb7fc2304422f0f768e965d073ca313cb52e22e6ad03",
    );
  });
});

describe("verifyAlertRequest (hmac)", () => {
  const secrets = [
    { id: "old", hash: null, ciphertext: encryptSecret("bgh_old"), revokedAt: null },
    { id: "new", hash: null, ciphertext: encryptSecret("bgh_new"), revokedAt: null },
  ];
  const check = (key: string, timestamp: number, signature?: string) =>
    verifyAlertRequest({
      authMode: "hmac",
      secrets,
      headers: new Headers({
        "x-breakglass-timestamp": String(timestamp),
        "x-breakglass-signature": signature ?? signAlertBody(key, timestamp, body),
      }),
      body,
      now,
    });

  it("accepts either active secret within the window", () => {
    expect(check("bgh_old", ts)).toBe("old");
    expect(check("bgh_new", ts - 299)).toBe("new");
    expect(check("bgh_new", ts + 299)).toBe("new");
  });

  it("refuses a wrong key or malformed header as BAD_SIGNATURE, an old timestamp as STALE_TIMESTAMP", () => {
    expect(codeOf(() => check("bgh_other", ts))).toBe("BAD_SIGNATURE");
    expect(codeOf(() => check("bgh_old", ts, "sha256=zz"))).toBe("BAD_SIGNATURE");
    expect(codeOf(() => check("bgh_old", ts - 301))).toBe("STALE_TIMESTAMP");
    expect(codeOf(() => check("bgh_old", ts + 301))).toBe("STALE_TIMESTAMP");
  });
});
