import { privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import { describe, expect, it } from "vitest";
import { verifySiweLogin } from "./verify-siwe";

const account = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
const other = privateKeyToAccount("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
const now = new Date("2026-11-26T10:00:00Z");

function message(overrides: Partial<Parameters<typeof createSiweMessage>[0]> = {}) {
  return createSiweMessage({
    domain: "console.example:3000",
    address: account.address,
    uri: "http://console.example:3000",
    version: "1",
    chainId: 31337,
    nonce: "abcdef0123456789",
    issuedAt: now,
    expirationTime: new Date(now.getTime() + 60_000),
    ...overrides,
  });
}

const base = { expectedDomain: "console.example:3000", allowedChainIds: [31337], now };

describe("verifySiweLogin", () => {
  it("accepts a message signed by its address for this domain", async () => {
    const text = message();
    const result = await verifySiweLogin({
      ...base,
      message: text,
      signature: await account.signMessage({ message: text }),
    });
    expect(result).toEqual({ address: account.address, nonce: "abcdef0123456789", chainId: 31337 });
  });

  it("refuses a message for another domain", async () => {
    const text = message({ domain: "evil.example", uri: "https://evil.example" });
    await expect(
      verifySiweLogin({ ...base, message: text, signature: await account.signMessage({ message: text }) }),
    ).rejects.toThrow("is for evil.example, not for this console");
  });

  it("refuses a URI on another host", async () => {
    const text = message({ uri: "https://evil.example/login" });
    await expect(
      verifySiweLogin({ ...base, message: text, signature: await account.signMessage({ message: text }) }),
    ).rejects.toThrow("URI");
  });

  it("refuses an expired message", async () => {
    const text = message({ expirationTime: new Date(now.getTime() - 1) });
    await expect(
      verifySiweLogin({ ...base, message: text, signature: await account.signMessage({ message: text }) }),
    ).rejects.toThrow("expired");
  });

  it("refuses a chain that is not configured", async () => {
    const text = message({ chainId: 1 });
    await expect(
      verifySiweLogin({ ...base, message: text, signature: await account.signMessage({ message: text }) }),
    ).rejects.toThrow("Chain 1 is not configured");
  });

  it("refuses a signature by another key", async () => {
    const text = message();
    await expect(
      verifySiweLogin({ ...base, message: text, signature: await other.signMessage({ message: text }) }),
    ).rejects.toThrow("does not match the address");
  });

  it("refuses a malformed signature and a non-SIWE message", async () => {
    await expect(verifySiweLogin({ ...base, message: message(), signature: "0x1234" })).rejects.toThrow(
      "malformed",
    );
    await expect(verifySiweLogin({ ...base, message: "hello", signature: "0x1234" })).rejects.toThrow(
      "not a valid Sign-In",
    );
  });
});
