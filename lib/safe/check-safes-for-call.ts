import { db } from "../db/client";
import { AppError } from "../errors";
import { orChainUnavailable } from "./chain-unreachable";
import { resolveCalls } from "./resolve-calls";
import type { TSafeCall } from "./schemas";
import { simulateSafeTransaction } from "./simulate-safe-transaction";

export type SafeCallCheck = {
  safeId: string;
  label: string;
  isAllowed: boolean;
  reason: string;
  missingRole: string | null;
};

/**
 * Separation of duties, made visible: simulate one call from every registry Safe on its chain and say
 * which may make it (pause via the Guardian Safe, unpause via the Admin Safe) and which lacks which role.
 */
export async function checkSafesForCall(call: TSafeCall): Promise<SafeCallCheck[]> {
  const contract = call.contractId
    ? await db().contract.findUnique({ where: { id: call.contractId } })
    : null;
  if (call.contractId && !contract) throw new AppError("NOT_FOUND", "No such contract in the registry.");
  const chainId = contract?.chainId ?? (await db().chain.findFirst({ orderBy: { id: "asc" } }))?.id;
  if (!chainId) throw new AppError("NOT_FOUND", "No chain in the registry.");
  const contracts = await db().contract.findMany({ where: { chainId } });
  const { inner } = resolveCalls([call], contracts);
  const safes = await db().safe.findMany({ where: { chainId }, orderBy: { label: "asc" } });
  return orChainUnavailable(
    "Chain unreachable: which Safe may make this call cannot be checked now (it is simulated before execution).",
    () => checkEach(chainId, safes, inner),
  );
}

async function checkEach(
  chainId: number,
  safes: { id: string; label: string; address: string }[],
  inner: ReturnType<typeof resolveCalls>["inner"],
): Promise<SafeCallCheck[]> {
  return Promise.all(
    safes.map(async (safe) => {
      const simulation = await simulateSafeTransaction({
        chainId,
        safeAddress: safe.address,
        calls: inner.map((c) => ({ to: c.to, value: c.value.toString(), data: c.data })),
      });
      const revert = simulation.calls[0]?.revert;
      return {
        safeId: safe.id,
        label: safe.label,
        isAllowed: simulation.isSuccess,
        reason: simulation.isSuccess ? "simulation succeeds" : (revert?.message ?? simulation.summary),
        missingRole: revert?.missingRole?.role ?? null,
      };
    }),
  );
}
