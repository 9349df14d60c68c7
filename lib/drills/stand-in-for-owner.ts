import { encodeFunctionData, getAddress, type Hex, parseAbi } from "viem";
import { db } from "../db/client";
import { AppError } from "../errors";
import { acceptApprovedHash } from "../safe";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { sendAsImpersonated } from "./fork-rpc";
import { loadRunningDrill } from "./load-running-drill";
import { type TStandIn, ZStandIn } from "./schemas";

const approveHashAbi = parseAbi(["function approveHash(bytes32 hashToApprove)"]);

/**
 * For an owner who is not at the drill: the fork acts for them, as superchain-ops does on anvil. The fork
 * sends approveHash(safeTxHash) from the owner's address (impersonated), and the Safe then accepts the
 * owner's "approved hash" signature. Recorded as a stand-in, so the report says whose signature was real.
 */
export async function standInForOwner(options: {
  drillId: string;
  input: TStandIn;
  author: EventAuthor;
}): Promise<void> {
  const input = ZStandIn.parse(options.input);
  const drill = await loadRunningDrill(options.drillId);
  const proposal = await db().safeProposal.findUnique({
    where: { id: input.proposalId },
    include: { safe: true },
  });
  if (!proposal || proposal.incidentId !== drill.incidentId)
    throw new AppError("NOT_FOUND", "That proposal is not part of this drill.");
  if (proposal.safe.chainId !== drill.forkChainId)
    throw new AppError("CONFLICT", "That proposal is not on the drill's fork.");
  const owner = getAddress(input.owner);
  const sent = await sendAsImpersonated(drill.rpcUrl, {
    from: owner,
    to: getAddress(proposal.safe.address),
    data: encodeFunctionData({
      abi: approveHashAbi,
      functionName: "approveHash",
      args: [proposal.safeTxHash as Hex],
    }),
  });
  if (!sent.isSuccess)
    throw new AppError("CONFLICT", `approveHash as ${owner} reverted on the fork (is it an owner?).`);
  await db().$transaction((tx) =>
    appendTimelineEvent(tx, {
      incidentId: drill.incidentId,
      kind: "drill.stand_in",
      author: options.author,
      payload: { drillId: drill.id, proposalId: proposal.id, owner, txHash: sent.txHash },
    }),
  );
  await acceptApprovedHash({ proposalId: proposal.id, owner, author: options.author });
}
