import { toFunctionSelector } from "viem";
import { describe, expect, it } from "vitest";
import { canonicalizeSignature } from "./canonical-signature";

describe("canonicalizeSignature", () => {
  it.each([
    ["emergencyReduceCap(uint256,string)", "emergencyReduceCap(uint256,string)"],
    ["emergencyReduceCap(uint, string)", "emergencyReduceCap(uint256,string)"],
    ["emergencyReduceCap( uint256 newCap , string memory reason )", "emergencyReduceCap(uint256,string)"],
    ["function transfer(address to, uint amount) external returns (bool)", "transfer(address,uint256)"],
    ["setPrices(int[] calldata prices, uint[2] x)", "setPrices(int256[],uint256[2])"],
    ["submit((uint256 a, address b)[] batch, bytes sig)", "submit((uint256,address)[],bytes)"],
    ["submit(tuple(uint a, (bool, bytes32) inner) t)", "submit((uint256,(bool,bytes32)))"],
    ["pay(address payable to)", "pay(address)"],
    ["f(byte, fixed, ufixed)", "f(bytes1,fixed128x18,ufixed128x18)"],
  ])("%s → %s", (written, canonical) => {
    expect(canonicalizeSignature(written)?.signature).toBe(canonical);
  });

  it("splits cast's return syntax from the signature", () => {
    expect(canonicalizeSignature("latestRoundData()(uint80,int,uint,uint,uint80)")).toEqual({
      name: "latestRoundData",
      signature: "latestRoundData()",
      argTypes: [],
      returns: ["uint80", "int256", "uint256", "uint256", "uint80"],
    });
    expect(canonicalizeSignature("balanceOf(address)(uint256 balance)")?.returns).toEqual(["uint256"]);
  });

  it.each([
    "functionName(args)",
    "pause",
    "(uint256)",
    "f(uint7)",
    "f(bytes33)",
    "f(uint256",
    "f()extra",
    "f(uint256,)",
    "",
  ])("rejects %j", (written) => {
    expect(canonicalizeSignature(written)).toBeNull();
  });

  it("agrees with viem on the selector of what it produces", () => {
    const canonical = canonicalizeSignature("submit((uint a, address b)[] batch, bytes sig)")!;
    expect(toFunctionSelector(canonical.signature)).toBe(
      toFunctionSelector("submit((uint256,address)[],bytes)"),
    );
  });
});
