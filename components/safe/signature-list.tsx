import { UtcTime } from "@/components/incidents/utc-time";
import type { ProposalView } from "@/lib/safe";
import { AddressLabel } from "./address-label";
import { LiveOwnerSignature } from "./live-signature-progress";

type Owner = ProposalView["safe"]["owners"][number];
type Signature = ProposalView["signatures"][number];

/**
 * One row per owner (as last read from the chain) with their signature, plus signatures from addresses
 * that are no longer owners: kept on record, never counted. A signature accepted while the chain was
 * unreachable says so until it has been checked on chain.
 */
export function SignatureList({
  proposalId,
  owners,
  signatures,
}: {
  proposalId: string;
  owners: Owner[];
  signatures: Signature[];
}) {
  const former = signatures.filter((s) => !owners.some((o) => o.address === s.owner));
  return (
    <ul className="divide-y divide-zinc-800 rounded-lg border border-zinc-800">
      {owners.map((owner) => {
        const signature = signatures.find((s) => s.owner === owner.address);
        return (
          <li
            key={owner.address}
            data-testid="owner-row"
            data-unverified={signature?.isOwnerUnverified ? "true" : undefined}
            className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm"
          >
            <AddressLabel address={owner.address} name={owner.name} />
            {signature ? (
              <span className="text-emerald-300">
                ✓ signed <UtcTime at={signature.at} />
                {signature.isOwnerUnverified && (
                  <span data-testid="unverified-owner" className="ml-2 font-semibold text-amber-300">
                    · owner unverified (chain unreachable: checked against the last known owners)
                  </span>
                )}
              </span>
            ) : (
              <LiveOwnerSignature proposalId={proposalId} owner={owner.address} />
            )}
          </li>
        );
      })}
      {former.map((signature) => (
        <li
          key={signature.owner}
          data-testid="former-owner-row"
          className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm"
        >
          <AddressLabel address={signature.owner} name={signature.name} />
          <span className="font-semibold text-red-300">
            ✗ signed <UtcTime at={signature.at} />, but is not an owner on chain: does not count
          </span>
        </li>
      ))}
    </ul>
  );
}
