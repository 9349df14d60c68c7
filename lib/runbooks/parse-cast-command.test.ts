import { keccak256, toHex } from "viem";
import { describe, expect, it } from "vitest";
import { parseCastCommand, resolveArgValue } from "./parse-cast-command";

describe("parseCastCommand", () => {
  it("reads a send with continuations, keeping flags out of the arguments", () => {
    const cast = parseCastCommand(
      'cast send $BLE_BRIDGE_V9 "emergencyReduceCap(uint256,string)" \\\n  <new_lower_cap> "Reason: forged" \\\n  --rpc-url $RPC_URL \\\n  --private-key $EMERGENCY_KEY',
    );
    expect(cast).toMatchObject({
      kind: "send",
      target: "$BLE_BRIDGE_V9",
      signatureAsWritten: "emergencyReduceCap(uint256,string)",
      args: ["<new_lower_cap>", "Reason: forged"],
      value: null,
    });
    expect(cast?.canonical?.signature).toBe("emergencyReduceCap(uint256,string)");
  });

  it("reads a call with return types, stopping at a pipe or comment", () => {
    const cast = parseCastCommand(
      'cast call $X "balanceOf(address)(uint256)" $ME --block latest | jq . # note',
    );
    expect(cast).toMatchObject({ kind: "call", target: "$X", args: ["$ME"] });
    expect(cast?.canonical?.returns).toEqual(["uint256"]);
  });

  it("keeps $(cast keccak ...) as one argument and --value, --from=... out", () => {
    const cast = parseCastCommand(
      'cast send <ESCROW_ADDRESS> "grantRole(bytes32,address)" $(cast keccak "PAUSER_ROLE") 0xabc --from=$ME --value 1ether',
    );
    expect(cast).toMatchObject({
      target: "<ESCROW_ADDRESS>",
      args: ['$(cast keccak "PAUSER_ROLE")', "0xabc"],
      value: "1ether",
    });
  });

  it("reads a plain transfer: --value and no signature", () => {
    const cast = parseCastCommand("cast send $TREASURY --value 10ether --private-key $KEY");
    expect(cast).toMatchObject({
      kind: "send",
      target: "$TREASURY",
      signatureAsWritten: null,
      canonical: null,
      value: "10ether",
      args: [],
    });
  });

  it("keeps an unreadable signature as written, with no canonical form", () => {
    const cast = parseCastCommand('cast call $C "functionName(args)"');
    expect(cast).toMatchObject({ signatureAsWritten: "functionName(args)", canonical: null });
  });

  it.each([
    'cast estimate $C "f()"',
    "cast 4byte-decode $DATA",
    "echo cast send",
    "kubectl get pods",
    "cast send",
    "cast send --create 0x60",
  ])("is not an action: %s", (command) => {
    expect(parseCastCommand(command)).toBeNull();
  });
});

describe("resolveArgValue", () => {
  const bindings = new Map<string, string | null>([
    ["ROLE", "0x01"],
    ["UNKNOWN", null],
  ]);
  it("resolves literals, keccak substitutions and bound variables", () => {
    expect(resolveArgValue("10000", bindings)).toBe("10000");
    expect(resolveArgValue('$(cast keccak "GUARDIAN_ROLE")', bindings)).toBe(
      keccak256(toHex("GUARDIAN_ROLE")),
    );
    expect(resolveArgValue("$ROLE", bindings)).toBe("0x01");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable, not a template
    expect(resolveArgValue("${ROLE}", bindings)).toBe("0x01");
  });
  it("leaves placeholders and unbound variables null", () => {
    for (const arg of ["$UNKNOWN", "$OTHER", "<new_cap>", "0x...", "$(date)"])
      expect(resolveArgValue(arg, bindings)).toBeNull();
  });
});
