import { type ConfigChangeCode, describeConfigChange } from "./describe-config-change";
import { configHash, type SafeChainView, type SafeConfig } from "./read-safe-config";

export type KitStateName = "ARMED" | "LOW" | "STALE";
export type StaleCode =
  | "unsigned"
  | "nonce_passed"
  | "not_enough_signatures"
  | "simulation_fails"
  | ConfigChangeCode;

/** Fewer armed ladder steps than this: LOW (one more routine transaction and the kit is gone). */
export const LOW_BELOW_STEPS = 2;

export type KitSignatureMeta = { nonce: number; owner: string; configHash: string; createdAt: Date };

export type LadderStep = {
  nonce: number;
  /** Owners whose signature at this nonce counts now (current owner, current configuration). */
  signers: { owner: string; at: Date }[];
  isArmed: boolean;
};

export type KitState = {
  state: KitStateName;
  /** Why it is not ARMED (null when ARMED). */
  reason: string | null;
  code: StaleCode | "low" | null;
  /** Consecutive nonces from the Safe's current one with threshold valid signatures. */
  armedNonces: number[];
  /** The window owners sign now: from the Safe's nonce, ladderLength long. */
  ladder: LadderStep[];
  /** Current owners who have not signed every step of the window: who re-signing needs. */
  ownersToSign: string[];
  todo: string;
};

type DeriveInput = {
  ladderLength: number;
  signedConfig: SafeConfig | null;
  signatures: KitSignatureMeta[];
  chain: SafeChainView;
  simulation: { isSuccess: boolean; summary: string } | null;
};

/**
 * A kit's readiness, from the chain and nothing else stored as truth: which nonces have threshold
 * signatures from the current owners under the current configuration, whether the kit still works.
 */
export function deriveKitState(input: DeriveInput): KitState {
  const { chain } = input;
  const current = configHash(chain);
  const owners = new Set(chain.owners.map((o) => o.toLowerCase()));
  const counting = input.signatures.filter(
    (s) => s.configHash === current && owners.has(s.owner.toLowerCase()),
  );
  const signersAt = (nonce: number) => {
    const seen = new Map<string, { owner: string; at: Date }>();
    for (const s of counting)
      if (s.nonce === nonce && !seen.has(s.owner.toLowerCase()))
        seen.set(s.owner.toLowerCase(), { owner: s.owner, at: s.createdAt });
    return [...seen.values()];
  };
  const armedNonces: number[] = [];
  for (let nonce = chain.nonce; signersAt(nonce).length >= chain.threshold; nonce++) armedNonces.push(nonce);
  const ladder: LadderStep[] = Array.from({ length: input.ladderLength }, (_, i) => {
    const nonce = chain.nonce + i;
    return { nonce, signers: signersAt(nonce), isArmed: armedNonces.includes(nonce) };
  });
  const ownersToSign = chain.owners.filter(
    (owner) =>
      !ladder.every((step) => step.signers.some((s) => s.owner.toLowerCase() === owner.toLowerCase())),
  );
  const resign = "owners re-sign the ladder on the kit's page";
  const stale = (code: StaleCode, reason: string, todo = resign): KitState => ({
    state: "STALE",
    code,
    reason,
    armedNonces,
    ladder,
    ownersToSign,
    todo,
  });

  if (input.signatures.length === 0) return stale("unsigned", "not signed yet", "owners sign the ladder");
  const change = input.signedConfig ? describeConfigChange(input.signedConfig, chain) : null;
  if (change && armedNonces.length === 0) return stale(change.code, change.text);
  if (input.simulation && !input.simulation.isSuccess)
    return stale(
      "simulation_fails",
      `the simulation now fails: ${input.simulation.summary}`,
      "find out why the call fails (a revoked role? already paused?) before relying on this kit",
    );
  if (armedNonces.length === 0) {
    const highest = Math.max(...input.signatures.map((s) => s.nonce));
    if (highest < chain.nonce)
      return stale(
        "nonce_passed",
        `the Safe's nonce (${chain.nonce}) passed the ladder (signed up to ${highest})`,
      );
    const have = signersAt(chain.nonce).length;
    return stale(
      "not_enough_signatures",
      `${have} of ${chain.threshold} signatures at the current nonce ${chain.nonce}`,
    );
  }
  if (armedNonces.length < LOW_BELOW_STEPS)
    return {
      state: "LOW",
      code: "low",
      reason: `${armedNonces.length} ladder step left (nonce ${armedNonces[0]})`,
      armedNonces,
      ladder,
      ownersToSign,
      todo: "owners top the ladder up before the next routine transaction",
    };
  return { state: "ARMED", code: null, reason: null, armedNonces, ladder, ownersToSign, todo: "nothing" };
}
