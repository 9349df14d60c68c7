import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

function errorOf(source: Record<string, string>): EnvError {
  try {
    parseEnv(source as NodeJS.ProcessEnv);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv", () => {
  it("accepts an empty environment (embedded defaults)", () => {
    expect(parseEnv({} as NodeJS.ProcessEnv).DATABASE_URL).toBeUndefined();
  });

  it("names DATABASE_URL when it is not a postgres URL", () => {
    expect(errorOf({ DATABASE_URL: "mysql://root@db/x" }).message).toBe(
      "Invalid configuration: DATABASE_URL must be a postgresql://user:password@host:port/database URL",
    );
    expect(errorOf({ DATABASE_URL: "not a url" }).variable).toBe("DATABASE_URL");
  });

  it("names the RPC_URL_<chainId> variable that is malformed", () => {
    const error = errorOf({ RPC_URL_31337: "http://127.0.0.1:8545,ftp://nope" });
    expect(error.variable).toBe("RPC_URL_31337");
    expect(error.message).toContain("must be an http(s) URL");
  });

  it("reads RPC fallbacks in order", () => {
    expect(
      parseEnv({ RPC_URL_1: "https://a.example, https://b.example" } as unknown as NodeJS.ProcessEnv)
        .RPC_URLS,
    ).toEqual({
      "1": ["https://a.example", "https://b.example"],
    });
  });

  it("names BREAKGLASS_ADMINS when an entry is not an address", () => {
    expect(errorOf({ BREAKGLASS_ADMINS: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8,bob" }).variable).toBe(
      "BREAKGLASS_ADMINS",
    );
  });

  it("refuses a short session secret", () => {
    expect(errorOf({ NEXTAUTH_SECRET: "short" }).variable).toBe("NEXTAUTH_SECRET");
  });
});
