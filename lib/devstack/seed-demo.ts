import path from "node:path";
import type { Abi } from "viem";
import {
  anvilAccount,
  bleBridgeV9Abi,
  type DemoDeployment,
  globalPauseRegistryAbi,
  mockPriceFeedAbi,
  priceOracleAbi,
} from "../chain/demo";
import type { PrismaClient } from "../db/client";
import type { MemberRole } from "../db/generated/enums";
import { SEVERITY_PRESETS } from "../incidents";
import { importRunbookFolder } from "../runbooks";

/** The project's own example runbooks, written for the demo protocol (nothing is read outside the repository). */
export const EXAMPLE_RUNBOOKS_DIR = path.resolve(import.meta.dirname, "../../examples/runbooks");

/** The demo's people, by anvil account index (see DEMO_CAST: Guardian Safe = 1,2,3; Admin Safe = 2,3,4). */
export const DEMO_MEMBERS: { index: number; displayName: string; role: MemberRole }[] = [
  { index: 1, displayName: "Alice Ng", role: "admin" },
  { index: 2, displayName: "Bob Okafor", role: "commander" },
  { index: 3, displayName: "Carol Diaz", role: "commander" },
  { index: 4, displayName: "Dave Kim", role: "responder" },
  { index: 5, displayName: "Erin Park", role: "responder" },
  { index: 6, displayName: "Frank Lee", role: "viewer" },
];

/**
 * Seeds (or refreshes) the registry for a fresh anvil deployment. Idempotent: the demo runs it at every
 * start, because anvil starts empty and its port may change.
 */
export async function seedDemo(
  prisma: PrismaClient,
  deployment: DemoDeployment,
  options: { log?: (line: string) => void } = {},
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.workspace.upsert({
      where: { id: "default" },
      create: { name: "Breakglass Demo Protocol", severityScheme: "P1-P4" },
      update: {},
    });
    if ((await tx.severityLevel.count()) === 0) {
      await tx.severityLevel.createMany({ data: SEVERITY_PRESETS["P1-P4"]! });
    }
    await tx.chain.upsert({
      where: { id: deployment.chainId },
      create: {
        id: deployment.chainId,
        name: "Anvil (local)",
        rpcUrls: [deployment.rpcUrl],
        explorerUrl: null,
        safeContracts: deployment.safeContracts,
      },
      // 31337 is not in safe-deployments: the console finds the local Safe contracts (MultiSend...) here.
      update: { rpcUrls: [deployment.rpcUrl], safeContracts: deployment.safeContracts },
    });
    const contracts: { name: string; address: string; abi: Abi; placeholders: string[] }[] = [
      {
        name: "GlobalPauseRegistry",
        address: deployment.contracts.globalPauseRegistry,
        abi: globalPauseRegistryAbi as Abi,
        placeholders: ["$GLOBAL_PAUSE_REGISTRY"],
      },
      {
        name: "BLEBridgeV9",
        address: deployment.contracts.bridge,
        abi: bleBridgeV9Abi as Abi,
        placeholders: ["$BLE_BRIDGE_V9"],
      },
      {
        name: "PriceOracle",
        address: deployment.contracts.oracle,
        abi: priceOracleAbi as Abi,
        placeholders: ["$PRICE_ORACLE"],
      },
      {
        name: "MockPriceFeed",
        address: deployment.contracts.priceFeed,
        abi: mockPriceFeedAbi as Abi,
        placeholders: ["$PRICE_FEED"],
      },
    ];
    for (const contract of contracts) {
      const row = await tx.contract.upsert({
        where: { chainId_address: { chainId: deployment.chainId, address: contract.address } },
        create: { ...contract, abi: contract.abi as object, chainId: deployment.chainId },
        update: { name: contract.name, abi: contract.abi as object, placeholders: contract.placeholders },
      });
      for (const placeholder of contract.placeholders) {
        await tx.placeholderBinding.upsert({
          where: { placeholder },
          create: { placeholder, contractId: row.id },
          update: { contractId: row.id },
        });
      }
    }
    const safes = [
      { label: "Guardian Safe", ...deployment.safes.guardian },
      { label: "Admin Safe", ...deployment.safes.admin },
    ];
    for (const safe of safes) {
      await tx.safe.upsert({
        where: { chainId_address: { chainId: deployment.chainId, address: safe.address } },
        create: {
          label: safe.label,
          address: safe.address,
          chainId: deployment.chainId,
          owners: safe.owners,
          threshold: safe.threshold,
          nonce: 0,
          readAt: new Date(),
        },
        update: { label: safe.label },
      });
    }
    // Watch rules (lib/watch), once: afterwards they are the team's to edit in Settings → Chain watch.
    if ((await tx.watchRule.count()) === 0) {
      await tx.watchRule.createMany({
        data: [
          {
            name: "Guarded role granted outside the allow-list",
            kind: "role_granted",
            roles: [
              "DEFAULT_ADMIN_ROLE",
              "GUARDIAN_ROLE",
              "EMERGENCY_ROLE",
              "ORACLE_ADMIN_ROLE",
              "KEEPER_ROLE",
            ],
            allowList: [],
            severityName: "P1",
            runbookAnchors: ["incident-runbooks-breakglass-demo-protocol#6-role-rotation"],
          },
          { name: "Proxy upgraded", kind: "upgraded", severityName: "P2", runbookAnchors: [] },
          { name: "Safe owners, threshold or modules changed", kind: "safe_config", severityName: "P2" },
          {
            name: "Pause that no open incident explains",
            kind: "unexplained_pause",
            severityName: "P1",
            runbookAnchors: ["incident-runbooks-breakglass-demo-protocol#2-global-protocol-pause"],
          },
        ],
      });
    }
    for (const member of DEMO_MEMBERS) {
      const { address } = anvilAccount(member.index);
      await tx.member.upsert({
        where: { address },
        create: { address, displayName: member.displayName, role: member.role },
        update: {},
      });
    }
  });
  // examples/runbooks/*.md: their placeholders ($GLOBAL_PAUSE_REGISTRY, ...) are bound to the contracts above.
  const runbooks = await importRunbookFolder(prisma, { dir: EXAMPLE_RUNBOOKS_DIR, log: options.log });
  const titles = [
    ...runbooks.imported.map((title) => `${title} (imported)`),
    ...runbooks.unchanged.map((title) => `${title} (unchanged)`),
  ];
  options.log?.(`runbooks from examples/runbooks: ${titles.join(", ") || "none"}`);
}
