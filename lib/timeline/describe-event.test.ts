import { describe, expect, it } from "vitest";
import { PROPOSAL_ID, TIMELINE_EVENT_EXAMPLES, TX_HASH } from "../../tests/fixtures/timeline-event-examples";
import { describeEvent, descriptionToMarkdown, descriptionToText } from "./describe-event";
import { TIMELINE_EVENT_KINDS, TIMELINE_EVENT_SCHEMAS } from "./event-kinds";

const proposals = new Map([
  [
    PROPOSAL_ID,
    { title: "Pause everything", safeLabel: "Guardian Safe", explorerUrl: "https://scan.example" },
  ],
]);

describe("the one event describer", () => {
  it.each(TIMELINE_EVENT_KINDS)("describes %s specifically, from its payload", (kind) => {
    const payload = TIMELINE_EVENT_EXAMPLES[kind];
    expect(TIMELINE_EVENT_SCHEMAS[kind].safeParse(payload).success).toBe(true);
    const description = describeEvent({ kind, payload, correctsId: 7 }, { proposals });
    expect(description.isSpecific).toBe(true);
    const text = descriptionToText(description);
    // Not the kind's raw name ("proposal signed"), and never the generic fallback.
    expect(text).not.toBe(kind);
    expect(text.toLowerCase()).not.toBe(kind.replace(/[._]/g, " "));
    expect(text.length).toBeGreaterThan(8);
    // A proposal's events name it and link to it.
    if ("proposalId" in payload && payload.proposalId === PROPOSAL_ID) {
      expect(description.parts).toContainEqual(
        expect.objectContaining({ type: "link", href: `/proposals/${PROPOSAL_ID}` }),
      );
      if (kind !== "proposal.created") expect(text).toContain("Pause everything (Guardian Safe)");
    }
  });

  it("falls back to the kind for a row of an older shape instead of printing undefined", () => {
    const declared = TIMELINE_EVENT_EXAMPLES["incident.declared"];
    const { title: _title, ...old } = declared;
    const fallback = describeEvent({ kind: "incident.declared", payload: old, correctsId: null });
    expect(fallback.isSpecific).toBe(false);
    expect(descriptionToText(fallback)).toBe("incident.declared");
    // A title that is the word itself is what someone typed: described as usual.
    const literal = describeEvent({
      kind: "incident.declared",
      payload: { ...declared, title: "undefined symbol in the router" },
      correctsId: null,
    });
    expect(literal.isSpecific).toBe(true);
    expect(descriptionToText(literal)).toContain('"undefined symbol in the router"');
  });

  it("names a chain event's roles, links its transaction and says whether the console did it", () => {
    const payload = TIMELINE_EVENT_EXAMPLES["chain.event"];
    const outside = describeEvent({
      kind: "chain.event",
      payload: { ...payload, proposalId: null },
      correctsId: null,
    });
    expect(descriptionToMarkdown(outside)).toBe(
      `**On chain: GlobalPauseRegistry RoleGranted** (role DEFAULT_ADMIN_ROLE, account 0x7099…79C8) — block 777, tx [\`${TX_HASH}\`](https://scan.example/tx/${TX_HASH}) — outside this console`,
    );
    const inside = describeEvent({ kind: "chain.event", payload, correctsId: null }, { proposals });
    expect(descriptionToText(inside)).toContain("— Pause everything (Guardian Safe)");
  });

  it("links an executed transaction to the chain's explorer and says who executed it", () => {
    const description = describeEvent(
      { kind: "proposal.executed", payload: TIMELINE_EVENT_EXAMPLES["proposal.executed"], correctsId: null },
      { proposals },
    );
    expect(descriptionToMarkdown(description)).toBe(
      `**On-chain transaction executed**: Pause everything (Guardian Safe) — tx [\`${TX_HASH}\`](https://scan.example/tx/${TX_HASH}), block 777 through this console by Erin`,
    );
  });

  it("falls back, marked as not specific, for a kind it does not know or a payload that does not parse", () => {
    expect(describeEvent({ kind: "nope.unknown", payload: {}, correctsId: null }).isSpecific).toBe(false);
    expect(describeEvent({ kind: "proposal.signed", payload: { x: 1 }, correctsId: null }).isSpecific).toBe(
      false,
    );
  });

  it("leaves a note's text out of the line when the view shows it beneath", () => {
    const event = { kind: "note.added", payload: { markdown: "Outflows" }, correctsId: null };
    expect(descriptionToText(describeEvent(event))).toBe("Note: Outflows");
    expect(descriptionToText(describeEvent(event, { isBodyShownApart: true }))).toBe("Note");
  });
});
