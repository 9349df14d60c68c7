import { describe, expect, it } from "vitest";
import { redactCommand, redactSecrets } from "./redact-secrets";

describe("redactSecrets", () => {
  it("hides what follows a key-like flag and keeps the rest of the command", () => {
    expect(redactSecrets("cast send $REG 'pauseGlobal()' --private-key $GUARDIAN_KEY --rpc-url $RPC")).toBe(
      "cast send $REG 'pauseGlobal()' --private-key ‹redacted› --rpc-url $RPC",
    );
    expect(redactSecrets(`cast send x --private-key=0x${"a".repeat(64)}`)).toBe(
      "cast send x --private-key=‹redacted›",
    );
    expect(redactSecrets("cast wallet import --mnemonic 'word word word'")).toContain(
      "--mnemonic ‹redacted›",
    );
  });
  it("hides PRIVATE_KEY=… assignments", () => {
    expect(redactCommand(`PRIVATE_KEY=0x${"b".repeat(64)} forge script`)).toBe(
      "PRIVATE_KEY=‹redacted› forge script",
    );
  });
  it("leaves commands without secrets alone", () => {
    expect(redactSecrets("cast call $REG 'isGloballyPaused()(bool)'")).toBe(
      "cast call $REG 'isGloballyPaused()(bool)'",
    );
  });
});
