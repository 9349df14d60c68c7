import { describe, expect, it } from "vitest";
import { z } from "zod";
import { findNulPath, isJsonTooDeep, noBidi, ZAddress, ZInt4Id } from "./input-fields";

describe("input fields", () => {
  it("refuses a mixed-case address with a wrong EIP-55 checksum, accepts unchecksummed and correct ones", () => {
    const good = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    const typo = "0x5Aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    expect(ZAddress.parse(good)).toBe(good);
    expect(ZAddress.parse(good.toLowerCase())).toBe(good);
    expect(ZAddress.parse(`0x${good.slice(2).toUpperCase()}`)).toBe(good);
    const refused = ZAddress.safeParse(typo);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain("EIP-55 checksum");
  });

  it("refuses bidirectional controls in names and titles", () => {
    const ZName = noBidi(z.string().max(80));
    expect(ZName.safeParse("Alice Ng").success).toBe(true);
    for (const control of [
      "\u202A",
      "\u202B",
      "\u202C",
      "\u202D",
      "\u202E",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
    ])
      expect(ZName.safeParse(`admin${control}gpj.exe`).success).toBe(false);
  });

  it("bounds integers to PostgreSQL's int4", () => {
    expect(ZInt4Id.safeParse(2 ** 31 - 1).success).toBe(true);
    expect(ZInt4Id.safeParse(2 ** 31).success).toBe(false);
  });

  it("finds text PostgreSQL refuses, and JSON nested too deep", () => {
    expect(findNulPath({ a: [{ b: "ok" }, { c: "x\u0000" }] })).toBe("a.1.c");
    expect(findNulPath({ a: "\ud800" })).toBe("a");
    expect(findNulPath({ a: "😀 paired" })).toBeNull();
    expect(isJsonTooDeep(`${"[".repeat(65)}${"]".repeat(65)}`)).toBe(true);
    expect(isJsonTooDeep(`{"a":"${"[".repeat(100)}"}`)).toBe(false);
  });
});
