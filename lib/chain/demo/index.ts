// The demo chain: what scripts, seeds and tests may import.

export { ANVIL_CHAIN_ID, type AnvilInstance, type AnvilOptions, startAnvil } from "../anvil";
export {
  bleBridgeV9Abi,
  globalPauseRegistryAbi,
  mockPriceFeedAbi,
  priceOracleAbi,
} from "../artifacts/demo/abis";
export { ANVIL_ACCOUNTS, ANVIL_MNEMONIC, anvilAccount, DEMO_CAST, type DemoAccount } from "./accounts";
export { SAFE_ARTIFACTS, type SafeArtifact } from "./artifacts";
export {
  DEMO_DAILY_CAP_INCREASE_LIMIT,
  DEMO_ORACLE_TOKEN,
  DEMO_SUPPLY_CAP,
  type DeployDemoOptions,
  deployDemo,
} from "./deploy-demo";
export { execSafeAsOwners } from "./exec-safe-as-owners";
export * from "./roles";
export { contractNetworksFor, type DemoDeployment, type DemoSafe, type DemoSafeContracts } from "./types";
