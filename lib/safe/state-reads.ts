import type { Contract } from "../db/generated/client";
import type { TVerificationRead } from "./schemas";
import type { StateRead } from "./simulate-safe-transaction";

/** The proposal's verification reads as the simulation's before → after reads (registry contracts only). */
export function toStateReads(verifications: TVerificationRead[], contracts: Contract[]): StateRead[] {
  return verifications.flatMap((read) => {
    const contract = contracts.find((c) => c.id === read.contractId);
    return contract
      ? [
          {
            contract: contract.name,
            address: contract.address,
            signature: read.signature,
            args: read.args,
            expected: read.expected,
          },
        ]
      : [];
  });
}
