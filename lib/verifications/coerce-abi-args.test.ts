import { describe, expect, it } from "vitest";
import { coerceAbiArgs } from "./coerce-abi-args";

describe("coerceAbiArgs", () => {
  it("turns text into what viem encodes", () => {
    const inputs = [
      { type: "uint256", name: "cap" },
      { type: "bool", name: "on" },
      { type: "address", name: "to" },
      { type: "int8[]", name: "xs" },
    ] as const;
    expect(coerceAbiArgs(inputs, ["1000", "false", "0xabc", "[1,-2]"])).toEqual([
      1000n,
      false,
      "0xabc",
      [1n, -2n],
    ]);
  });
  it("names the argument that is not valid", () => {
    expect(() => coerceAbiArgs([{ type: "uint256", name: "cap" }], ["<new_lower_cap>"])).toThrow(
      /args\.0: "<new_lower_cap>" is not a valid uint256/,
    );
  });
});
