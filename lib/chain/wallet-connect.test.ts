import { afterEach, describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../../proxy";
import { parseEnv } from "../env";
import { createWagmiConfig } from "./wagmi-config";
import { WALLETCONNECT_CSP, walletConnectProjectId } from "./wallet-connect";

const PROJECT_ID = "0123456789abcdef0123456789abcdef";
const chains = [{ id: 31337, name: "Local", explorerUrl: null }];
const directive = (policy: string, name: string) =>
  policy
    .split("; ")
    .find((part) => part.startsWith(`${name} `))
    ?.split(" ")
    .slice(1) ?? null;

afterEach(() => {
  delete process.env.BREAKGLASS_WALLETCONNECT_PROJECT_ID;
});

describe("WalletConnect configuration", () => {
  it("adds WalletConnect after the injected connector only when a project id is configured", () => {
    expect(createWagmiConfig(chains).connectors.map((c) => c.id)).toEqual(["injected"]);
    const configured = createWagmiConfig(chains, { walletConnectProjectId: PROJECT_ID });
    expect(configured.connectors.map((c) => c.id)).toEqual(["injected", "walletConnect"]);
  });

  it("opens the CSP to the relay, modal and verify frame only when configured", () => {
    const closed = contentSecurityPolicy("n0nce");
    expect(directive(closed, "connect-src")).toEqual(["'self'"]);
    expect(directive(closed, "frame-src")).toBeNull();
    process.env.BREAKGLASS_WALLETCONNECT_PROJECT_ID = PROJECT_ID;
    const open = contentSecurityPolicy("n0nce");
    expect(directive(open, "connect-src")).toEqual(["'self'", ...WALLETCONNECT_CSP.connect]);
    expect(directive(open, "frame-src")).toEqual([...WALLETCONNECT_CSP.frame]);
    expect(directive(open, "img-src")).toEqual(expect.arrayContaining([...WALLETCONNECT_CSP.img]));
    // Scripts stay nonce-only: the modal is bundled, never loaded from a third party.
    expect(directive(open, "script-src")).toEqual(["'self'", "'nonce-n0nce'", "'strict-dynamic'"]);
    // A malformed id opens nothing (and the env check names it at start-up).
    process.env.BREAKGLASS_WALLETCONNECT_PROJECT_ID = "x'; script-src *";
    expect(directive(contentSecurityPolicy("n0nce"), "connect-src")).toEqual(["'self'"]);
  });

  it("validates the project id, naming the variable", () => {
    expect(walletConnectProjectId(` ${PROJECT_ID} `)).toBe(PROJECT_ID);
    expect(walletConnectProjectId("not-an-id")).toBeNull();
    expect(walletConnectProjectId(undefined)).toBeNull();
    expect(
      parseEnv({ NODE_ENV: "test", BREAKGLASS_WALLETCONNECT_PROJECT_ID: PROJECT_ID })
        .BREAKGLASS_WALLETCONNECT_PROJECT_ID,
    ).toBe(PROJECT_ID);
    expect(() => parseEnv({ NODE_ENV: "test", BREAKGLASS_WALLETCONNECT_PROJECT_ID: "abc" })).toThrow(
      "Invalid configuration: BREAKGLASS_WALLETCONNECT_PROJECT_ID must be a WalletConnect Cloud project id (32 hex characters)",
    );
  });
});
