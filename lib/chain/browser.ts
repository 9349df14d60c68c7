// What client components may import from the chain domain: no database, no RPC URLs.

export { abiErrors, abiFunctions, contractAbi, hasAbiFunctions } from "./contract-abi";
export { formatLiveValue } from "./format-live-value";
export { createWagmiConfig, type PublicChain, toViemChain, type WalletOptions } from "./wagmi-config";
export { WALLETCONNECT_CSP, walletConnectProjectId } from "./wallet-connect";
