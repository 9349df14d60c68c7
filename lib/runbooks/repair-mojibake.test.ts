import { describe, expect, it } from "vitest";
import { repairMojibake } from "./repair-mojibake";

/** What a cp1252 reader makes of UTF-8 text: the mis-encoding musd-protocol.md suffered. */
function misEncode(text: string): string {
  const cp1252 = new Map<number, number>([
    [0x80, 0x20ac],
    [0x82, 0x201a],
    [0x83, 0x192],
    [0x84, 0x201e],
    [0x85, 0x2026],
    [0x86, 0x2020],
    [0x87, 0x2021],
    [0x88, 0x2c6],
    [0x89, 0x2030],
    [0x8a, 0x160],
    [0x8b, 0x2039],
    [0x8c, 0x152],
    [0x8e, 0x17d],
    [0x91, 0x2018],
    [0x92, 0x2019],
    [0x93, 0x201c],
    [0x94, 0x201d],
    [0x95, 0x2022],
    [0x96, 0x2013],
    [0x97, 0x2014],
    [0x98, 0x2dc],
    [0x99, 0x2122],
    [0x9a, 0x161],
    [0x9b, 0x203a],
    [0x9c, 0x153],
    [0x9e, 0x17e],
    [0x9f, 0x178],
  ]);
  return [...new TextEncoder().encode(text)]
    .map((byte) => String.fromCharCode(cp1252.get(byte) ?? byte))
    .join("");
}

describe("repairMojibake", () => {
  it("repairs the sequences found in musd-protocol.md", () => {
    expect(repairMojibake("Runbooks â€” mUSD, see Â§2, ðŸš¨ INCIDENT, DETECT â†’ alert")).toEqual({
      text: "Runbooks — mUSD, see §2, 🚨 INCIDENT, DETECT → alert",
      isRepaired: true,
    });
  });

  it.each([
    "plain ASCII",
    "café déjà vu",
    "em — dash, “quotes”, → arrow, 🚨",
    "naïve Ångström",
    "Â alone",
    "Ã©t",
  ])("leaves correct text alone: %s", (text) => {
    const result = repairMojibake(text);
    expect(result.text).toBe(text === "Ã©t" ? "ét" : text);
    expect(result.isRepaired).toBe(text === "Ã©t");
  });

  it("reverses the mis-encoding of mixed text and is idempotent", () => {
    const original = "Pause — § 2 • “P1” 🚨 naïve 日本語 ✓";
    const repaired = repairMojibake(misEncode(original)).text;
    expect(repaired).toBe(original);
    expect(repairMojibake(repaired)).toEqual({ text: original, isRepaired: false });
  });
});
