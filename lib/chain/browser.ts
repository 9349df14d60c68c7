// What client components may import from the chain domain: no database, no RPC URLs.
export { formatLiveValue } from "./format-live-value";
export { createWagmiConfig, type PublicChain, toViemChain } from "./wagmi-config";
