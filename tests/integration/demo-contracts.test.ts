import Safe from "@safe-global/protocol-kit";
import {
  type Abi,
  type Address,
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createTestClient,
  createWalletClient,
  encodeFunctionData,
  type Hex,
  http,
  keccak256,
  type PublicClient,
} from "viem";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AnvilInstance, startAnvil } from "@/lib/chain/anvil";
import { bleBridgeV9Abi, globalPauseRegistryAbi, priceOracleAbi } from "@/lib/chain/artifacts/demo/abis";
import {
  ANVIL_ACCOUNTS,
  anvilAccount,
  contractNetworksFor,
  DEFAULT_ADMIN_ROLE,
  DEMO_CAST,
  type DemoDeployment,
  deployDemo,
  EMERGENCY_ROLE,
  GUARDIAN_ROLE,
  KEEPER_ROLE,
  ORACLE_ADMIN_ROLE,
  SAFE_ARTIFACTS,
} from "@/lib/chain/demo";

// Canonical SafeL2 v1.4.1 runtime code hash, as listed by @safe-global/safe-deployments (v1.4.1/safe_l2.json).
const OFFICIAL_SAFE_L2_1_4_1_CODE_HASH = "0xb1f926978a0f44a2c0ec8fe822418ae969bd8c3f18d61e5103100339894f81ff";

let anvil: AnvilInstance;
let demo: DemoDeployment;
let client: PublicClient;

beforeAll(async () => {
  anvil = await startAnvil();
  const started = Date.now();
  demo = await deployDemo({ rpcUrl: anvil.rpcUrl });
  // The demo and every integration suite redeploy on a fresh chain: keep that cheap.
  expect(Date.now() - started).toBeLessThan(2_000);
  client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) });
});

afterAll(async () => {
  await anvil?.stop();
});

/** Runs `data` on `to` from a 2-of-3 Safe: two owners sign (EIP-712), a non-owner responder executes. */
async function execViaSafe(safeAddress: Address, signerIndexes: [number, number], to: Address, data: Hex) {
  const init = (index: number) =>
    Safe.init({
      provider: demo.rpcUrl,
      signer: anvilAccount(index).privateKey,
      safeAddress,
      contractNetworks: contractNetworksFor(demo),
    });
  const first = await init(signerIndexes[0]);
  const tx = await first.createTransaction({ transactions: [{ to, data, value: "0" }] });
  const signedOnce = await first.signTransaction(tx);
  const signedTwice = await (await init(signerIndexes[1])).signTransaction(signedOnce);
  const executor = await init(DEMO_CAST.responder);
  const result = await executor.executeTransaction(signedTwice);
  const receipt = await client.waitForTransactionReceipt({ hash: result.hash as Hex, pollingInterval: 10 });
  expect(receipt.status).toBe("success");
}

/** eth_call from `from`; returns the decoded custom error (name and args) it reverts with. */
async function revertOf(address: Address, abi: Abi, functionName: string, args: unknown[], from: Address) {
  try {
    await client.simulateContract({ address, abi, functionName, args, account: from });
  } catch (error) {
    const reverted =
      error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : null;
    if (reverted instanceof ContractFunctionRevertedError) {
      return { errorName: reverted.data?.errorName, args: reverted.data?.args };
    }
    throw error;
  }
  throw new Error(`${functionName} did not revert`);
}

describe("demo chain accounts and Safe deployment", () => {
  it("lists anvil's own default accounts", async () => {
    const wallet = createWalletClient({ chain: foundry, transport: http(demo.rpcUrl) });
    const rpcAccounts = await wallet.getAddresses();
    expect(rpcAccounts.map((a) => a.toLowerCase())).toEqual(
      ANVIL_ACCOUNTS.map((a) => a.address.toLowerCase()),
    );
  });

  it("deploys the official SafeL2 1.4.1 runtime code", async () => {
    const code = await client.getCode({ address: demo.safeContracts.safeSingletonAddress });
    expect(code).toBeDefined();
    expect(keccak256(code!)).toBe(OFFICIAL_SAFE_L2_1_4_1_CODE_HASH);
    expect(keccak256(SAFE_ARTIFACTS.safeSingleton.deployedBytecode)).toBe(OFFICIAL_SAFE_L2_1_4_1_CODE_HASH);
  });

  it("creates two 2-of-3 Safes with the planned owners", async () => {
    for (const safe of [demo.safes.guardian, demo.safes.admin]) {
      const kit = await Safe.init({
        provider: demo.rpcUrl,
        safeAddress: safe.address,
        contractNetworks: contractNetworksFor(demo),
      });
      expect(await kit.getThreshold()).toBe(2);
      expect((await kit.getOwners()).map((o) => o.toLowerCase()).sort()).toEqual(
        safe.owners.map((o) => o.toLowerCase()).sort(),
      );
      expect(await kit.getContractVersion()).toBe("1.4.1");
    }
  });
});

describe("role assignment", () => {
  const holders = () => {
    const { globalPauseRegistry, bridge, oracle } = demo.contracts;
    const { guardian, admin } = demo.safes;
    return [
      {
        contract: globalPauseRegistry,
        abi: globalPauseRegistryAbi,
        role: GUARDIAN_ROLE,
        holder: guardian.address,
      },
      {
        contract: globalPauseRegistry,
        abi: globalPauseRegistryAbi,
        role: DEFAULT_ADMIN_ROLE,
        holder: admin.address,
      },
      { contract: bridge, abi: bleBridgeV9Abi, role: EMERGENCY_ROLE, holder: guardian.address },
      { contract: bridge, abi: bleBridgeV9Abi, role: DEFAULT_ADMIN_ROLE, holder: admin.address },
      { contract: oracle, abi: priceOracleAbi, role: KEEPER_ROLE, holder: guardian.address },
      { contract: oracle, abi: priceOracleAbi, role: ORACLE_ADMIN_ROLE, holder: admin.address },
      { contract: oracle, abi: priceOracleAbi, role: DEFAULT_ADMIN_ROLE, holder: admin.address },
    ];
  };

  it("gives every role to its Safe and leaves the deployer with none", async () => {
    const deployer = anvilAccount(DEMO_CAST.deployer).address;
    for (const { contract, abi, role, holder } of holders()) {
      const hasRole = (account: Address) =>
        client.readContract({
          address: contract,
          abi: abi as Abi,
          functionName: "hasRole",
          args: [role, account],
        });
      expect(await hasRole(holder), `${holder} holds ${role} on ${contract}`).toBe(true);
      expect(await hasRole(deployer), `deployer renounced ${role} on ${contract}`).toBe(false);
    }
  });

  // Owners of the Safe must not be able to act alone: the role sits with the Safe, not with its signers.
  const outsiders = [
    ["a stranger", DEMO_CAST.stranger],
    ["the non-owner responder", DEMO_CAST.responder],
    ["a guardian Safe owner acting alone", DEMO_CAST.guardianOwners[0]],
    ["an admin Safe owner acting alone", DEMO_CAST.adminOwners[2]],
  ] as const;

  const guarded = () => {
    const { globalPauseRegistry, bridge, oracle } = demo.contracts;
    return [
      {
        name: "pauseGlobal",
        address: globalPauseRegistry,
        abi: globalPauseRegistryAbi,
        args: [],
        role: GUARDIAN_ROLE,
      },
      {
        name: "unpauseGlobal",
        address: globalPauseRegistry,
        abi: globalPauseRegistryAbi,
        args: [],
        role: DEFAULT_ADMIN_ROLE,
      },
      { name: "pause", address: bridge, abi: bleBridgeV9Abi, args: [], role: EMERGENCY_ROLE },
      { name: "requestUnpause", address: bridge, abi: bleBridgeV9Abi, args: [], role: DEFAULT_ADMIN_ROLE },
      {
        name: "emergencyReduceCap",
        address: bridge,
        abi: bleBridgeV9Abi,
        args: [1n, "test"],
        role: EMERGENCY_ROLE,
      },
      {
        name: "keeperResetPrice",
        address: oracle,
        abi: priceOracleAbi,
        args: [demo.oracleToken],
        role: KEEPER_ROLE,
      },
      {
        name: "setFeed",
        address: oracle,
        abi: priceOracleAbi,
        args: [demo.oracleToken, demo.contracts.priceFeed, 3600n, 18],
        role: ORACLE_ADMIN_ROLE,
      },
    ];
  };

  it.each(outsiders)(
    "rejects %s on every role-guarded function with AccessControlUnauthorizedAccount",
    async (_, index) => {
      const caller = anvilAccount(index).address;
      for (const fn of guarded()) {
        const revert = await revertOf(fn.address, fn.abi as Abi, fn.name, fn.args, caller);
        expect(revert, fn.name).toEqual({
          errorName: "AccessControlUnauthorizedAccount",
          args: [caller, fn.role],
        });
      }
    },
  );
});

describe("incident flows through the Safes", () => {
  it("pauses the protocol globally from the guardian Safe with two owner signatures", async () => {
    const registry = demo.contracts.globalPauseRegistry;
    const data = encodeFunctionData({ abi: globalPauseRegistryAbi, functionName: "pauseGlobal" });
    await execViaSafe(demo.safes.guardian.address, [1, 3], registry, data);
    const isPaused = await client.readContract({
      address: registry,
      abi: globalPauseRegistryAbi,
      functionName: "isGloballyPaused",
    });
    expect(isPaused).toBe(true);
  });

  it("pauses the bridge, cuts the cap while paused, and unpauses only after the 24h timelock", async () => {
    const bridge = demo.contracts.bridge;
    const read = <F extends "paused" | "supplyCap" | "unpauseRequestTime">(functionName: F) =>
      client.readContract({ address: bridge, abi: bleBridgeV9Abi, functionName });
    const stranger = anvilAccount(DEMO_CAST.stranger).address;

    await execViaSafe(
      demo.safes.guardian.address,
      [2, 3],
      bridge,
      encodeFunctionData({ abi: bleBridgeV9Abi, functionName: "pause" }),
    );
    expect(await read("paused")).toBe(true);
    expect(await revertOf(bridge, bleBridgeV9Abi, "submitAttestation", [1n, 1n], stranger)).toEqual({
      errorName: "EnforcedPause",
      args: undefined,
    });

    // emergencyReduceCap is deliberately not whenNotPaused (runbook §3).
    const reducedCap = (await read("supplyCap")) - 1n;
    await execViaSafe(
      demo.safes.guardian.address,
      [1, 2],
      bridge,
      encodeFunctionData({
        abi: bleBridgeV9Abi,
        functionName: "emergencyReduceCap",
        args: [reducedCap, "suspected forged attestation"],
      }),
    );
    expect(await read("supplyCap")).toBe(reducedCap);

    await execViaSafe(
      demo.safes.admin.address,
      [2, 4],
      bridge,
      encodeFunctionData({ abi: bleBridgeV9Abi, functionName: "requestUnpause" }),
    );
    const requestedAt = await read("unpauseRequestTime");
    expect(requestedAt).toBeGreaterThan(0n);

    const early = await revertOf(bridge, bleBridgeV9Abi, "executeUnpause", [], stranger);
    expect(early).toEqual({ errorName: "UnpauseDelayNotElapsed", args: [requestedAt + 86_400n] });

    const testClient = createTestClient({ chain: foundry, mode: "anvil", transport: http(demo.rpcUrl) });
    await testClient.increaseTime({ seconds: 86_400 });
    await testClient.mine({ blocks: 1 });

    // Anyone may execute once the delay has passed: the stranger does (anvil keeps its account unlocked).
    const wallet = createWalletClient({ chain: foundry, transport: http(demo.rpcUrl), account: stranger });
    const hash = await wallet.writeContract({
      address: bridge,
      abi: bleBridgeV9Abi,
      functionName: "executeUnpause",
    });
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 10 });
    expect(receipt.status).toBe("success");
    expect(await read("paused")).toBe(false);
    expect(await read("unpauseRequestTime")).toBe(0n);
  });

  it("lets the guardian Safe cancel a pending unpause by pausing again", async () => {
    const bridge = demo.contracts.bridge;
    const call = (functionName: "pause" | "requestUnpause") =>
      encodeFunctionData({ abi: bleBridgeV9Abi, functionName });
    await execViaSafe(demo.safes.guardian.address, [1, 2], bridge, call("pause"));
    await execViaSafe(demo.safes.admin.address, [3, 4], bridge, call("requestUnpause"));
    await execViaSafe(demo.safes.guardian.address, [1, 3], bridge, call("pause"));

    const readBridge = { address: bridge, abi: bleBridgeV9Abi } as const;
    expect(await client.readContract({ ...readBridge, functionName: "paused" })).toBe(true);
    expect(await client.readContract({ ...readBridge, functionName: "unpauseRequestTime" })).toBe(0n);
    const stranger = anvilAccount(DEMO_CAST.stranger).address;
    expect(await revertOf(bridge, bleBridgeV9Abi, "executeUnpause", [], stranger)).toEqual({
      errorName: "NoUnpauseRequest",
      args: undefined,
    });
  });
});
