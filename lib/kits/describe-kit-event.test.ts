import { describe, expect, it } from "vitest";
import { describeKitEvent, describeOutstandingCopies, summarizeKitLog } from "./describe-kit-event";
import { KIT_EVENT_SCHEMAS, type KitEventKind, type KitEventPayload } from "./kit-event-kinds";

const EXAMPLES: { [K in KitEventKind]: KitEventPayload<K> } = {
  "kit.created": { name: "Global pause", safe: "Guardian", calls: ["pauseGlobal()"] },
  "kit.signed": { owner: "0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B", nonce: 7, safeTxHash: "0x01" },
  "kit.state_changed": { from: "ARMED", to: "LOW", reason: "2 nonces left" },
  "kit.exported": { signatures: 10 },
  "kit.imported": { accepted: 8, refused: 2 },
  "kit.automation_changed": { isAutoEnabled: true, autoCooldownSeconds: 900 },
  "kit.retired": {
    reason: "replaced",
    signaturesDestroyed: 10,
    exports: 1,
    unsentHandovers: 2,
    highestSignedNonce: 11,
  },
  "kit.used": { incidentId: "i1", executionId: "e1", nonce: 7, mode: "executor", alert: "TVL drop (watch)" },
};

describe("describeKitEvent", () => {
  it("says something specific for every kind, with its object", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(KIT_EVENT_SCHEMAS).sort());
    const lines = Object.entries(EXAMPLES).map(([kind, payload]) => describeKitEvent({ kind, payload }));
    expect(lines).toEqual([
      "created on Guardian: pauseGlobal()",
      "signed by 0xAb58…eC9B at nonce 7",
      "ARMED → LOW: 2 nonces left",
      "exported to an offline vault (10 signatures)",
      "imported from a vault file: 8 signatures accepted, 2 refused",
      "automatic break glass turned on (cool-down 900 s)",
      "retired: replaced. 10 stored signatures destroyed; the signatures in 1 vault export and 2 unsent wallet hand-overs made earlier stay valid on chain up to nonce 11",
      "used (executor) at nonce 7, by the alert TVL drop (watch)",
    ]);
  });

  it("falls back to the kind for a payload of an older schema, never 'undefined'", () => {
    expect(describeKitEvent({ kind: "kit.signed", payload: { signer: "0x1" } })).toBe("kit signed");
    expect(describeKitEvent({ kind: "kit.something_new", payload: {} })).toBe("kit something new");
  });
});

describe("summarizeKitLog", () => {
  const at = new Date("2026-12-02T04:34:00Z");
  const signed = (id: number, owner: string, nonce: number, authorLabel = "Bob") => ({
    id,
    kind: "kit.signed",
    payload: { owner, nonce, safeTxHash: "0x01" },
    createdAt: at,
    authorLabel,
  });
  const BOB = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
  const ALICE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

  it("folds one owner's run of signatures into one line with nonce ranges, newest first", () => {
    const lines = summarizeKitLog([
      { id: 9, kind: "kit.exported", payload: { signatures: 8 }, createdAt: at, authorLabel: "Bob" },
      signed(8, BOB, 6),
      signed(7, BOB, 5),
      signed(6, BOB, 4),
      signed(5, BOB, 2),
      signed(4, ALICE, 6, "Alice"),
      signed(3, ALICE, 5, "Alice"),
      signed(2, BOB, 1),
    ]);
    expect(lines.map((l) => [l.id, l.authorLabel, l.text])).toEqual([
      [9, "Bob", "exported to an offline vault (8 signatures)"],
      [8, "Bob", "signed by 0x3C44…93BC at nonces 2, 4–6"],
      [4, "Alice", "signed by 0x7099…79C8 at nonces 5–6"],
      [2, "Bob", "signed by 0x3C44…93BC at nonce 1"],
    ]);
  });
});

describe("describeOutstandingCopies", () => {
  const retired = { reason: "x", signaturesDestroyed: 4, highestSignedNonce: 6 };
  it("names what still executes on chain, and until which nonce", () => {
    expect(describeOutstandingCopies({ ...retired, exports: 1, unsentHandovers: 0 })).toBe(
      "1 vault export was made before: those signatures still execute on chain until the Safe's nonce passes 6.",
    );
    expect(describeOutstandingCopies({ ...retired, exports: 2, unsentHandovers: 1 })).toBe(
      "2 vault exports and 1 unsent wallet hand-over were made before: those signatures still execute on chain until the Safe's nonce passes 6.",
    );
  });
  it("says nothing when nothing left the server, or the entry does not parse", () => {
    expect(describeOutstandingCopies({ ...retired, exports: 0, unsentHandovers: 0 })).toBeNull();
    expect(describeOutstandingCopies({ reason: 1 })).toBeNull();
  });
});
