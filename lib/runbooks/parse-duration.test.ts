import { describe, expect, it } from "vitest";
import {
  parseDuration,
  parseResponseTarget,
  parseSleepCommand,
  parseTimelockMention,
  parseWait,
} from "./parse-duration";

describe("durations", () => {
  it.each([
    ["24 hours", 86400],
    ["24h", 86400],
    ["15 min", 900],
    ["3600s (1h)", 3600],
    ["an hour", 3600],
    ["2 days", 172800],
    ["1.5 hours", 5400],
    ["no number here", null],
    ["as is", null],
  ])("parseDuration(%j) = %j", (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each([
    ["Immediate (<15 min)", 900],
    ["<1 hour", 3600],
    ["<4 hours", 14400],
    ["Next business day", 86400],
    ["within 1 hour", 3600],
    ["Immediate", null],
  ])("parseResponseTarget(%j) = %j", (text, seconds) => {
    expect(parseResponseTarget(text)).toBe(seconds);
  });

  it.each([
    ["Wait 24 hours", 86400],
    ["Step 2: Wait 24 hours (UNPAUSE_DELAY = 24 hours)", 86400],
    ["UNPAUSE_DELAY = 24 hours", 86400],
    ["3. Wait 5 minutes for the relay", 300],
    ["Wait for ledger sync", null],
    ["Request unpause (starts 24h clock)", null],
  ])("parseWait(%j) = %j", (text, seconds) => {
    expect(parseWait(text)).toBe(seconds);
  });

  it("finds a timelock mentioned in passing, and sleep commands", () => {
    expect(parseTimelockMention("24h timelock has elapsed")).toBe(86400);
    expect(parseTimelockMention("(48 hour delay - coordinate with team)")).toBe(172800);
    expect(parseTimelockMention("starts 24h clock")).toBeNull();
    expect(parseSleepCommand("sleep 30")).toBe(30);
    expect(parseSleepCommand("sleep 2m")).toBe(120);
    expect(parseSleepCommand("sleep $X")).toBeNull();
  });
});
