import { type InferredCall, isReadName, targetOf } from "./build-inferred-action";

// Contract calls a runbook states in prose for someone signing in the Safe web app: "Execute pauseAll() on
// Orchestrator", "Function: Router402.pause()", "Call `pause()`" in a section whose **Contract:** is named.
// Read on the plain text of one step; a step longer than a runbook sentence is not searched, which also
// keeps a 2 MB line from costing more than a glance.

const MAX_TEXT = 1_000;
const MAX_CALLS = 8;
const VERB = "(?:execute|call|invoke|run|send|trigger|submit|propose|sign|verify|check|confirm|read|query)";
const FUNCTION = String.raw`([A-Za-z_]\w*)\(([^()]*)\)`;
const TARGET = String.raw`(\$\{?\w+\}?|<[^<>\s]+>|0x[0-9a-fA-F]{40}|[A-Za-z_]\w*(?:\.sol)?)`;
/** "Execute pauseAll() on Orchestrator", "call `pause()` on the `Vault` contract". */
const VERB_CALL = new RegExp(
  String.raw`\b(${VERB})\s+(?:the\s+)?(?:function\s+)?${FUNCTION}(?:\s+function)?(?:\s+(?:on|at|against|of|in)\s+(?:the\s+)?${TARGET})?`,
  "gi",
);
/** "Router402.pause()", "$ORCHESTRATOR.pauseAll()": a call on a contract-like name. */
const DOTTED_CALL = new RegExp(String.raw`(?<![\w.$])(\$\{?\w+\}?|<[^<>\s]+>|[A-Z]\w*)\.${FUNCTION}`, "g");
const READ_VERB = /^(?:verify|check|confirm|read|query)$/i;
/** "... returns true", "... should return 0x0", "... == 1": one value at the end of the sentence. */
const RETURNS = /\b(?:returns?|should\s+(?:return|be)|is|equals?|==)\s+`?([^\s`]+?)`?[.)]?$/i;
/** Words after "on" that are where a transaction is signed or sent, not the contract it calls. */
const NOT_A_CONTRACT =
  /^(?:the|a|an|it|this|that|safe|gnosis|etherscan|mainnet|testnet|chain|network|multi-?sig|console|ui|app)$/i;
const NOT_A_RECEIVER = /^(?:Math|JSON|Object|Promise|Date|Number|String|Array|BigInt|Buffer|console)$/;

function contractOf(sectionContract: string | null): string | null {
  if (sectionContract === null) return null;
  const first = /[A-Za-z_$<][\w$<>{}.]*/.exec(sectionContract.replace(/`/g, ""))?.[0];
  return first === undefined ? null : targetOf(first);
}

function proseCall(
  isRead: boolean,
  target: string,
  name: string,
  inside: string,
  text: string,
): InferredCall {
  const expect = isRead ? (RETURNS.exec(text)?.[1] ?? null) : null;
  return { kind: isRead ? "call" : "send", target, name, inside, value: null, command: text, expect };
}

/**
 * The calls a step's plain text states. Without a target in the text, the section's **Contract:** field
 * names it; with neither, there is nothing to bind and no action.
 */
export function findProseCalls(text: string, sectionContract: string | null): InferredCall[] {
  if (text.length > MAX_TEXT || !text.includes("(")) return [];
  const calls: InferredCall[] = [];
  const seen = new Set<number>();
  for (const match of text.matchAll(DOTTED_CALL)) {
    if (calls.length >= MAX_CALLS) break;
    const [, receiver = "", name = "", inside = ""] = match;
    const target = NOT_A_RECEIVER.test(receiver) ? null : targetOf(receiver);
    if (target === null) continue;
    seen.add(match.index + receiver.length + 1);
    const isRead = isReadName(name) || /\b(?:verify|check|confirm)\b/i.test(text.slice(0, match.index));
    calls.push(proseCall(isRead, target, name, inside, text));
  }
  for (const match of text.matchAll(VERB_CALL)) {
    if (calls.length >= MAX_CALLS) break;
    const [whole, verb = "", name = "", inside = "", written] = match;
    if (seen.has(match.index + whole.indexOf(name))) continue;
    const target =
      written !== undefined && !NOT_A_CONTRACT.test(written)
        ? targetOf(written)
        : contractOf(sectionContract);
    if (target === null) continue;
    calls.push(proseCall(READ_VERB.test(verb) || isReadName(name), target, name, inside, text));
  }
  return calls;
}
