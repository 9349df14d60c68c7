import { canonicalizeSignature } from "./canonical-signature";
import { resolveArgValue } from "./parse-cast-command";
import type { ContractAction } from "./schemas";
import { selectorOf } from "./selector-of";

// A contract call written without `cast` (prose a Safe web app user follows, an ethers/Hardhat script) as a
// contract action, marked inferred: the runbook never spelled out a command, so a reviewer must confirm the
// function and the target before anyone proposes it.

export type InferredCall = {
  kind: "send" | "call";
  /** `$ADDRESS_VARIABLE`, an address, or `<ContractName>`: a placeholder the registry can bind. */
  target: string;
  name: string;
  /** What is between the parentheses, as written. */
  inside: string;
  value: string | null;
  /** The sentence or line the call was read from. */
  command: string;
  /** "Verify paused() returns true": the value a read is said to return. */
  expect?: string | null;
};

/** Getters a runbook reads to verify; anything else called on a contract is taken as a transaction. */
const READ_NAME =
  /^(?:(?:is|has|get|can|should)[A-Z_]\w*|paused|owner|admin|balanceOf|totalSupply|allowance|hasRole|getRoleAdmin|name|symbol|decimals|version|implementation|nonce|threshold)$/;

export function isReadName(name: string): boolean {
  return READ_NAME.test(name);
}

/** `process.env.X` → `$X`; `"0x…"` → the address; `ORCH` → `$ORCH`; `Orchestrator.sol` → `<Orchestrator>`. */
export function targetOf(written: string): string | null {
  const text = written.trim().replace(/^["'`]|["'`]$/g, "");
  const env = /^process\.env\.([A-Za-z_]\w*)$/.exec(text)?.[1];
  if (env !== undefined) return `$${env}`;
  if (/^0x[0-9a-fA-F]{40}$/.test(text)) return text;
  if (/^\$\{?[A-Za-z_]\w*\}?$/.test(text) || /^<[^<>\s][^<>]*>$/.test(text)) return text;
  if (/^[A-Z][A-Z0-9_]*$/.test(text)) return `$${text}`;
  const name = /^([A-Za-z_]\w*)(?:\.sol)?$/.exec(text)?.[1];
  return name === undefined ? null : `<${name}>`;
}

function splitArgs(inside: string): string[] {
  return inside
    .split(",")
    .map((arg) => arg.trim().replace(/^(["'])(.*)\1$/, "$2"))
    .filter((arg) => arg !== "");
}

export function toInferredAction(call: InferredCall, runbook: string | null): ContractAction {
  const written = `${call.name}(${call.inside})`;
  const canonical = canonicalizeSignature(written);
  // `setFee(uint256 fee)` names types, whose values the responder fills in; `setFee(30)` gives values
  // whose types the runbook never says, so there is no signature to derive a selector from.
  const args = canonical ? canonical.argTypes.map((type) => `<${type}>`) : splitArgs(call.inside);
  return {
    kind: call.kind,
    target: call.target,
    signature: canonical?.signature ?? null,
    signatureAsWritten: written,
    selector: canonical ? selectorOf(canonical.signature) : null,
    argTypes: canonical?.argTypes ?? [],
    returns: canonical?.returns ?? [],
    args,
    argValues: canonical ? args.map(() => null) : args.map((arg) => resolveArgValue(arg, new Map())),
    value: call.value,
    expect: call.expect ?? null,
    command: call.command,
    runbook,
    isInferred: true,
  };
}
