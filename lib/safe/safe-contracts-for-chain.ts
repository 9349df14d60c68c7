import { getMultiSendCallOnlyDeployment, getMultiSendDeployment } from "@safe-global/safe-deployments";
import { type Address, getAddress } from "viem";
import { z } from "zod";
import { db } from "../db/client";

/** protocol-kit's ContractNetworkConfig keys; the console needs the MultiSend pair to batch and to judge DelegateCall. */
export const ZSafeContracts = z.looseObject({
  multiSendAddress: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  multiSendCallOnlyAddress: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
});

export type ChainSafeContracts = { multiSend: Address | null; multiSendCallOnly: Address | null };

/**
 * The Safe contract addresses of a chain: the registry's (Chain.safeContracts, required for chains that
 * safe-deployments does not know, such as anvil) or else the official v1.4.1 deployments.
 */
export async function safeContractsForChain(chainId: number): Promise<ChainSafeContracts> {
  const chain = await db().chain.findUnique({ where: { id: chainId }, select: { safeContracts: true } });
  const configured = ZSafeContracts.safeParse(chain?.safeContracts);
  if (configured.success)
    return {
      multiSend: getAddress(configured.data.multiSendAddress),
      multiSendCallOnly: getAddress(configured.data.multiSendCallOnlyAddress),
    };
  const network = String(chainId);
  const multiSend = getMultiSendDeployment({ version: "1.4.1", network })?.networkAddresses[network];
  const callOnly = getMultiSendCallOnlyDeployment({ version: "1.4.1", network })?.networkAddresses[network];
  const first = (value: string | string[] | undefined) =>
    (Array.isArray(value) ? value[0] : value) ? getAddress((Array.isArray(value) ? value[0] : value)!) : null;
  return { multiSend: first(multiSend), multiSendCallOnly: first(callOnly) };
}

export function multiSendAddresses(contracts: ChainSafeContracts): Address[] {
  return [contracts.multiSend, contracts.multiSendCallOnly].filter((a): a is Address => a !== null);
}
