import { type AbiParameter, keccak256, toHex } from "viem";
import { describe, expect, it } from "vitest";
import { encodeMultiSend } from "./build-safe-transaction";
import { parseCallArgs } from "./parse-call-args";

const param = (type: string, name = "x") => ({ type, name }) as AbiParameter;

describe("parseCallArgs", () => {
  it("parses each ABI type and names the bad field", () => {
    const inputs = [
      param("address"),
      param("uint8"),
      param("int16"),
      param("bytes32"),
      param("bool"),
      param("string"),
      param("uint256[]"),
    ];
    const ok = parseCallArgs(
      inputs,
      [
        "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
        "255",
        "-32768",
        'keccak256("GUARDIAN_ROLE")',
        "true",
        "why",
        "[1, 2]",
      ],
      "calls.0.args",
    );
    expect(ok.issues).toEqual([]);
    expect(ok.values).toEqual([
      "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
      255n,
      -32768n,
      keccak256(toHex("GUARDIAN_ROLE")),
      true,
      "why",
      [1n, 2n],
    ]);
    const bad = parseCallArgs(
      inputs,
      ["0x70997970C51812dc3A010C7d01b50e0d17dc79c8", "256", "-32769", "0x12", "yes", 1, "[1,"],
      "calls.0.args",
    );
    expect(bad.issues.map((i) => i.path)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `calls.0.args.${i}`));
    expect(bad.issues[0]!.message).toContain("invalid EIP-55 checksum");
    expect(bad.issues[1]!.message).toContain("between 0 and 255");
    expect(bad.issues[3]!.message).toContain('keccak256("ROLE_NAME")');
  });
});

describe("encodeMultiSend", () => {
  it("packs operation, to, value, length and data per call", () => {
    const packed = encodeMultiSend([
      { to: "0x0000000000000000000000000000000000000001", value: 0n, data: "0xabcd" },
    ]);
    expect(packed).toBe(`0x00${"0".repeat(39)}1${"0".repeat(64)}${"0".repeat(63)}2abcd`);
  });
});
