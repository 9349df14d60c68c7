import {
  type Address,
  createPublicClient,
  createWalletClient,
  encodeDeployData,
  encodeFunctionData,
  getContractAddress,
  type Hex,
  http,
  parseAbi,
  zeroAddress,
} from "viem";
import { foundry } from "viem/chains";
import { bleBridgeV9Abi, mockPriceFeedAbi, priceOracleAbi } from "@/lib/chain/artifacts/demo/abis";
import bridgeArtifact from "@/lib/chain/artifacts/demo/BLEBridgeV9.json" with { type: "json" };
import registryArtifact from "@/lib/chain/artifacts/demo/GlobalPauseRegistry.json" with { type: "json" };
import feedArtifact from "@/lib/chain/artifacts/demo/MockPriceFeed.json" with { type: "json" };
import oracleArtifact from "@/lib/chain/artifacts/demo/PriceOracle.json" with { type: "json" };
import { ANVIL_ACCOUNTS, anvilAccount, DEMO_CAST } from "./accounts";
import { SAFE_ARTIFACTS } from "./artifacts";
import { DEFAULT_ADMIN_ROLE, EMERGENCY_ROLE, GUARDIAN_ROLE, KEEPER_ROLE, ORACLE_ADMIN_ROLE } from "./roles";
import type { DemoDeployment, DemoSafe, DemoSafeContracts } from "./types";

export const DEMO_SUPPLY_CAP = 10_000_000n * 10n ** 18n;
export const DEMO_DAILY_CAP_INCREASE_LIMIT = 1_000_000n * 10n ** 18n;
export const DEMO_ORACLE_TOKEN: Address = "0x00000000000000000000000000000000000000A1";
/** $1.00 with Chainlink's 8 USD decimals; stable pairs get the runbook's 24h stale period. */
const FEED_DECIMALS = 8;
const FEED_INITIAL_ANSWER = 100_000_000n;
const ORACLE_STALE_PERIOD = 86_400n;

export type DeployDemoOptions = { rpcUrl: string };

/**
 * Deploys Safe v1.4.1, two 2-of-3 Safes and the demo protocol on a fresh anvil, then leaves every role with
 * the Safes only. Addresses depend only on the deployer's nonces and fixed salts, so a fresh chain always
 * gets the same ones.
 */
export async function deployDemo({ rpcUrl }: DeployDemoOptions): Promise<DemoDeployment> {
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ chain: foundry, transport });
  const chainId = await publicClient.getChainId();
  const deployer = anvilAccount(DEMO_CAST.deployer).address;
  const sender = createSender(
    rpcUrl,
    deployer,
    await publicClient.getTransactionCount({ address: deployer }),
  );

  // Phase 1: every contract creation. They depend on nothing, so they go out back to back.
  const safeContracts = {} as Record<keyof typeof SAFE_ARTIFACTS, Address>;
  for (const [key, artifact] of Object.entries(SAFE_ARTIFACTS)) {
    safeContracts[key as keyof typeof SAFE_ARTIFACTS] = await sender.deploy(artifact.bytecode);
  }
  const registry = await sender.deploy(registryArtifact.bytecode as Hex);
  const bridge = await sender.deploy(
    encodeDeployData({
      abi: bleBridgeV9Abi,
      bytecode: bridgeArtifact.bytecode as Hex,
      args: [DEMO_SUPPLY_CAP, DEMO_DAILY_CAP_INCREASE_LIMIT],
    }),
  );
  const oracle = await sender.deploy(oracleArtifact.bytecode as Hex);
  const priceFeed = await sender.deploy(
    encodeDeployData({
      abi: mockPriceFeedAbi,
      bytecode: feedArtifact.bytecode as Hex,
      args: [FEED_DECIMALS, FEED_INITIAL_ANSWER],
    }),
  );
  // anvil estimates gas against mined state: later phases call these contracts, so they must exist first.
  await sender.settle();

  // Phase 2: the Safes, and every role grant (deployer holds DEFAULT_ADMIN_ROLE from the constructors).
  const guardian = await createSafe(sender, publicClient, safeContracts, DEMO_CAST.guardianOwners, 1n);
  const admin = await createSafe(sender, publicClient, safeContracts, DEMO_CAST.adminOwners, 2n);
  const grants: [Address, Hex, Address][] = [
    [registry, GUARDIAN_ROLE, guardian.address],
    [registry, DEFAULT_ADMIN_ROLE, admin.address],
    [bridge, EMERGENCY_ROLE, guardian.address],
    [bridge, DEFAULT_ADMIN_ROLE, admin.address],
    [oracle, KEEPER_ROLE, guardian.address],
    [oracle, ORACLE_ADMIN_ROLE, admin.address],
    [oracle, DEFAULT_ADMIN_ROLE, admin.address],
    // Temporary: the deployer configures the first feed below, then gives the role up.
    [oracle, ORACLE_ADMIN_ROLE, deployer],
  ];
  for (const [contract, role, account] of grants) {
    await sender.call(
      contract,
      encodeFunctionData({ abi: accessControlAbi, functionName: "grantRole", args: [role, account] }),
    );
  }
  await sender.settle();

  // Phase 3: first oracle price, then the deployer renounces everything so only the Safes hold roles.
  await sender.call(
    oracle,
    encodeFunctionData({
      abi: priceOracleAbi,
      functionName: "setFeed",
      args: [DEMO_ORACLE_TOKEN, priceFeed, ORACLE_STALE_PERIOD, 18],
    }),
  );
  await sender.settle();
  await sender.call(
    oracle,
    encodeFunctionData({ abi: priceOracleAbi, functionName: "updatePrice", args: [DEMO_ORACLE_TOKEN] }),
  );
  const renounces: [Address, Hex][] = [
    [registry, DEFAULT_ADMIN_ROLE],
    [bridge, DEFAULT_ADMIN_ROLE],
    [oracle, ORACLE_ADMIN_ROLE],
    [oracle, DEFAULT_ADMIN_ROLE],
  ];
  for (const [contract, role] of renounces) {
    await sender.call(
      contract,
      encodeFunctionData({ abi: accessControlAbi, functionName: "renounceRole", args: [role, deployer] }),
    );
  }
  await sender.settle();

  return {
    chainId,
    rpcUrl,
    safeContracts: toContractNetwork(safeContracts),
    contracts: { globalPauseRegistry: registry, bridge, oracle, priceFeed },
    oracleToken: DEMO_ORACLE_TOKEN,
    safes: { guardian, admin },
    accounts: [...ANVIL_ACCOUNTS],
  };
}

// The three demo contracts share OpenZeppelin's AccessControl, so one ABI encodes role changes for all of them.
const accessControlAbi = parseAbi([
  "function grantRole(bytes32 role, address account)",
  "function renounceRole(bytes32 role, address callerConfirmation)",
]);

function toContractNetwork(a: Record<keyof typeof SAFE_ARTIFACTS, Address>): DemoSafeContracts {
  return {
    safeSingletonAddress: a.safeSingleton,
    safeProxyFactoryAddress: a.safeProxyFactory,
    fallbackHandlerAddress: a.fallbackHandler,
    multiSendAddress: a.multiSend,
    multiSendCallOnlyAddress: a.multiSendCallOnly,
    signMessageLibAddress: a.signMessageLib,
    createCallAddress: a.createCall,
    simulateTxAccessorAddress: a.simulateTxAccessor,
  };
}

type Sender = ReturnType<typeof createSender>;

/**
 * Sends from an anvil-unlocked account with explicit nonces so transactions can be pipelined, and checks
 * every receipt at `settle()`: a reverted setup step must fail the deployment, not surface later.
 */
function createSender(rpcUrl: string, from: Address, firstNonce: number) {
  const wallet = createWalletClient({ chain: foundry, transport: http(rpcUrl), account: from });
  const publicClient = createPublicClient({ chain: foundry, transport: http(rpcUrl) });
  let nonce = firstNonce;
  let pending: { hash: Hex; expectedAddress?: Address }[] = [];

  const send = async (to: Address | undefined, data: Hex) => {
    const hash = await wallet.request({
      method: "eth_sendTransaction",
      params: [{ from, to, data, nonce: `0x${nonce.toString(16)}` }],
    });
    nonce += 1;
    return hash;
  };

  return {
    async deploy(bytecode: Hex): Promise<Address> {
      const expectedAddress = getContractAddress({ from, nonce: BigInt(nonce) });
      pending.push({ hash: await send(undefined, bytecode), expectedAddress });
      return expectedAddress;
    },
    async call(to: Address, data: Hex): Promise<void> {
      pending.push({ hash: await send(to, data) });
    },
    async settle(): Promise<void> {
      const batch = pending;
      pending = [];
      const receipts = await Promise.all(
        batch.map(({ hash }) => publicClient.waitForTransactionReceipt({ hash, pollingInterval: 10 })),
      );
      receipts.forEach((receipt, i) => {
        const step = batch[i]!;
        if (receipt.status !== "success")
          throw new Error(`demo deployment transaction ${step.hash} reverted`);
        if (
          step.expectedAddress &&
          receipt.contractAddress?.toLowerCase() !== step.expectedAddress.toLowerCase()
        ) {
          throw new Error(`contract landed at ${receipt.contractAddress}, expected ${step.expectedAddress}`);
        }
      });
    },
  };
}

async function createSafe(
  sender: Sender,
  publicClient: ReturnType<typeof createPublicClient>,
  safeContracts: Record<keyof typeof SAFE_ARTIFACTS, Address>,
  ownerIndexes: readonly number[],
  saltNonce: bigint,
): Promise<DemoSafe> {
  const owners = ownerIndexes.map((i) => anvilAccount(i).address);
  const threshold = 2;
  const initializer = encodeFunctionData({
    abi: SAFE_ARTIFACTS.safeSingleton.abi,
    functionName: "setup",
    args: [
      owners,
      BigInt(threshold),
      zeroAddress,
      "0x",
      safeContracts.fallbackHandler,
      zeroAddress,
      0n,
      zeroAddress,
    ],
  });
  const args = [safeContracts.safeSingleton, initializer, saltNonce] as const;
  // A dry run returns the CREATE2 address the real call will use.
  const { result } = await publicClient.simulateContract({
    address: safeContracts.safeProxyFactory,
    abi: SAFE_ARTIFACTS.safeProxyFactory.abi,
    functionName: "createProxyWithNonce",
    args,
    account: anvilAccount(DEMO_CAST.deployer).address,
  });
  await sender.call(
    safeContracts.safeProxyFactory,
    encodeFunctionData({
      abi: SAFE_ARTIFACTS.safeProxyFactory.abi,
      functionName: "createProxyWithNonce",
      args,
    }),
  );
  return { address: result as Address, owners, threshold };
}
