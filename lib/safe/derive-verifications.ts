import { hasAbiFunctions } from "../chain";
import { db } from "../db/client";
import type { Contract } from "../db/generated/client";
import { type parseRunbookActionRef, ZParsedRunbook } from "../runbooks";
import type { DecodedCall } from "./resolve-calls";
import type { TVerificationRead } from "./schemas";

/** The runbook action a proposal came from (`<versionId>:<anchor>:<actionIndex>`, read by parseRunbookActionRef). */
export type RunbookSource = NonNullable<ReturnType<typeof parseRunbookActionRef>>;

/**
 * The reads that prove a call did what it should. The runbook's own verify steps win (they are what the
 * team wrote down); otherwise the known effect of common emergency functions, when the contract can be read.
 */
export async function deriveVerifications(
  decoded: DecodedCall[],
  contracts: Contract[],
  source: RunbookSource | null,
): Promise<TVerificationRead[]> {
  const fromRunbook = source ? await runbookVerifications(source, contracts) : [];
  const reads = [...fromRunbook];
  decoded.forEach((call, index) => {
    if (index === 0 && fromRunbook.length > 0) return;
    const contract = contracts.find((c) => c.id === call.contractId);
    if (contract) reads.push(...knownEffects(call, contract));
  });
  const seen = new Set<string>();
  return reads.filter((read) => {
    const key = `${read.contractId}|${read.signature}|${read.args.join(",")}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `contracts` are those of the proposing Safe's chain: a read goes to the contract there. */
async function runbookVerifications(
  source: RunbookSource,
  contracts: Contract[],
): Promise<TVerificationRead[]> {
  const version = await db().runbookVersion.findUnique({ where: { id: source.versionId } });
  const parsed = version ? ZParsedRunbook.safeParse(version.parsed) : null;
  if (!parsed?.success) return [];
  const section = parsed.data.runbooks.find((r) => r.anchor === source.anchor);
  if (!section) return [];
  const start = section.steps.findIndex((s) => s.kind === "action" && s.actionIndex === source.actionIndex);
  if (start < 0) return [];
  const reads: TVerificationRead[] = [];
  for (const step of section.steps.slice(start + 1)) {
    if (step.kind === "action") break;
    if (step.kind !== "verify") continue;
    const action = parsed.data.actions[step.actionIndex];
    if (!action?.signature || action.argValues.some((v) => v === null)) continue;
    const binding = await db().placeholderBinding.findUnique({ where: { placeholder: action.target } });
    if (!binding) continue;
    const target = await onSafeChain(binding.contractId, contracts);
    if (!target) continue;
    reads.push({
      contractId: target.id,
      signature: `${action.signature}(${action.returns.join(",")})`,
      args: action.argValues as string[],
      expected: step.expect ?? action.expect ?? null,
    });
  }
  return reads;
}

/**
 * Placeholders bind to the real contracts; a drill's Safe acts on its fork's copy at the same address, and
 * the proof of the pause must be read there (the real chain is, rightly, not paused).
 */
async function onSafeChain(contractId: string, contracts: Contract[]): Promise<Contract | null> {
  const same = contracts.find((c) => c.id === contractId);
  if (same) return same;
  const bound = await db().contract.findUnique({ where: { id: contractId }, select: { address: true } });
  if (!bound) return null;
  return contracts.find((c) => c.address.toLowerCase() === bound.address.toLowerCase()) ?? null;
}

const KNOWN_EFFECTS: Record<
  string,
  (args: string[]) => { read: string; args: string[]; expected: string | null }
> = {
  "pauseGlobal()": () => ({ read: "isGloballyPaused()(bool)", args: [], expected: "true" }),
  "unpauseGlobal()": () => ({ read: "isGloballyPaused()(bool)", args: [], expected: "false" }),
  "pause()": () => ({ read: "paused()(bool)", args: [], expected: "true" }),
  "unpause()": () => ({ read: "paused()(bool)", args: [], expected: "false" }),
  "executeUnpause()": () => ({ read: "paused()(bool)", args: [], expected: "false" }),
  "requestUnpause()": () => ({ read: "unpauseRequestTime()(uint256)", args: [], expected: null }),
  "grantRole(bytes32,address)": (a) => ({
    read: "hasRole(bytes32,address)(bool)",
    args: a,
    expected: "true",
  }),
  "revokeRole(bytes32,address)": (a) => ({
    read: "hasRole(bytes32,address)(bool)",
    args: a,
    expected: "false",
  }),
  "emergencyReduceCap(uint256,string)": (a) => ({ read: "supplyCap()(uint256)", args: [], expected: a[0]! }),
};

function knownEffects(call: DecodedCall, contract: Contract): TVerificationRead[] {
  const effect = KNOWN_EFFECTS[call.signature]?.(call.args.map((arg) => arg.value));
  if (!effect) return [];
  const readName = effect.read.slice(0, effect.read.indexOf("("));
  if (!hasAbiFunctions(contract.abi, [readName])) return [];
  return [{ contractId: contract.id, signature: effect.read, args: effect.args, expected: effect.expected }];
}
