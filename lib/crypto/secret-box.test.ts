import { afterEach, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, hashSecret } from "./secret-box";

const saved = { key: process.env.BREAKGLASS_SECRETS_KEY, nodeEnv: process.env.NODE_ENV };

afterEach(() => {
  process.env.BREAKGLASS_SECRETS_KEY = saved.key;
  (process.env as Record<string, string | undefined>).NODE_ENV = saved.nodeEnv;
  if (saved.key === undefined) delete process.env.BREAKGLASS_SECRETS_KEY;
});

describe("secret box", () => {
  it("round-trips and never stores the plaintext", () => {
    process.env.BREAKGLASS_SECRETS_KEY = "k".repeat(40);
    const sealed = encryptSecret("https://hooks.slack.com/services/T000/B000/XXXX");
    expect(sealed).not.toContain("hooks.slack.com");
    expect(decryptSecret(sealed)).toBe("https://hooks.slack.com/services/T000/B000/XXXX");
    expect(encryptSecret("same")).not.toBe(encryptSecret("same"));
  });

  it("refuses to decrypt under another key or after tampering", () => {
    process.env.BREAKGLASS_SECRETS_KEY = "a".repeat(40);
    const sealed = encryptSecret("secret");
    process.env.BREAKGLASS_SECRETS_KEY = "b".repeat(40);
    expect(() => decryptSecret(sealed)).toThrow(/cannot be decrypted/);
    process.env.BREAKGLASS_SECRETS_KEY = "a".repeat(40);
    const parts = sealed.split(".");
    parts[3] = Buffer.from("other").toString("base64url");
    expect(() => decryptSecret(parts.join("."))).toThrow(/cannot be decrypted/);
  });

  it("refuses to work without a key in production", () => {
    delete process.env.BREAKGLASS_SECRETS_KEY;
    (process.env as Record<string, string>).NODE_ENV = "production";
    expect(() => encryptSecret("x")).toThrow(/BREAKGLASS_SECRETS_KEY/);
  });

  it("hashes bearer tokens with sha256", () => {
    expect(hashSecret("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
