import type { ContractNetworksConfig } from "@safe-global/protocol-kit";
import type { Address } from "viem";
import type { DemoAccount } from "./accounts";

/** Keys named exactly as protocol-kit's `ContractNetworkConfig` expects them. */
export type DemoSafeContracts = {
  safeSingletonAddress: Address;
  safeProxyFactoryAddress: Address;
  fallbackHandlerAddress: Address;
  multiSendAddress: Address;
  multiSendCallOnlyAddress: Address;
  signMessageLibAddress: Address;
  createCallAddress: Address;
  simulateTxAccessorAddress: Address;
};

export type DemoSafe = { address: Address; owners: Address[]; threshold: number };

export type DemoDeployment = {
  chainId: number;
  rpcUrl: string;
  safeContracts: DemoSafeContracts;
  contracts: {
    globalPauseRegistry: Address;
    bridge: Address;
    oracle: Address;
    /** MockPriceFeed behind `oracleToken`: anyone may set its answer, to stage oracle incidents. */
    priceFeed: Address;
  };
  /** The token key the oracle prices. Only an address: the oracle never calls it. */
  oracleToken: Address;
  safes: { guardian: DemoSafe; admin: DemoSafe };
  /** anvil's first ten default accounts, with their (public, test-only) private keys. */
  accounts: DemoAccount[];
};

/** What `Safe.init({ contractNetworks })` needs: chain 31337 is not in safe-deployments. */
export function contractNetworksFor(deployment: DemoDeployment): ContractNetworksConfig {
  return { [String(deployment.chainId)]: { ...deployment.safeContracts } };
}
