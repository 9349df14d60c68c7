// Server-side entry of the chain domain: the registry's chains, RPC clients and the read-only RPC proxy.
// Client components import ./browser instead (this index reaches the database). The demo deployment is its own
// entry (./demo), for the devstack, scripts and tests only; ./anvil is for the devstack and tests.

// Drills start forks from the server: anvil is part of the domain's server entry.
export { type AnvilInstance, startAnvil } from "./anvil";
export { abiErrors, abiFunctions, contractAbi, hasAbiFunctions } from "./contract-abi";
export { forwardRpc, ZRpcBody } from "./forward-rpc";
export {
  type ChainScope,
  chainOutsideScope,
  chainScopeWhere,
  loadIncidentChainScope,
  REAL_CHAINS,
} from "./incident-chain-scope";
export { type ChainConfig, getChain, listChains } from "./list-chains";
export { listPublicChains } from "./public-chains";
export { publicClientFor } from "./public-client";
export type { PublicChain } from "./wagmi-config";
export { waitForKnownReceipt } from "./wait-for-known-receipt";
