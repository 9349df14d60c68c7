import {
  type Abi,
  encodeFunctionData,
  getAddress,
  type Hex,
  keccak256,
  parseAbi,
  toHex,
  zeroHash,
} from "viem";
import { publicClientFor } from "../chain";
import { db } from "../db/client";
import { AppError } from "../errors";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { sendAsImpersonated } from "./fork-rpc";
import { loadRunningDrill } from "./load-running-drill";
import { type TInjectScenario, ZInjectScenario } from "./schemas";

const accessControl = parseAbi([
  "function getRoleAdmin(bytes32 role) view returns (bytes32)",
  "function hasRole(bytes32 role, address account) view returns (bool)",
  "function revokeRole(bytes32 role, address account)",
]);

// Connection refused at once: the console sees the fork's RPC as down (degraded mode), the fork keeps running.
const DEAD_RPC_URL = "http://127.0.0.1:9";

/**
 * The facilitator's scenario injections, each on the fork only and each on the drill's timeline:
 * revoke a role from its holder (the runbook's call then reverts), take the fork's RPC away from the console
 * and give it back, or fire an alert into the drill.
 */
export async function injectScenario(options: {
  drillId: string;
  input: TInjectScenario;
  author: EventAuthor;
}): Promise<{ summary: string }> {
  const input = ZInjectScenario.parse(options.input);
  const drill = await loadRunningDrill(options.drillId);
  let summary: string;
  switch (input.injection) {
    case "revoke_role": {
      const contract = await db().contract.findFirst({
        where: { id: input.contractId, chainId: drill.forkChainId },
      });
      if (!contract)
        throw new AppError("UNPROCESSABLE", "contractId: is not a contract of the drill's fork.", {
          fields: [{ path: "contractId", message: "is not a contract of the drill's fork" }],
        });
      const role = input.role === "DEFAULT_ADMIN_ROLE" ? zeroHash : keccak256(toHex(input.role));
      const admin = await findRoleAdmin(drill.forkChainId, contract.address as Hex, role);
      const sent = await sendAsImpersonated(drill.rpcUrl, {
        from: admin,
        to: getAddress(contract.address),
        data: encodeFunctionData({
          abi: accessControl,
          functionName: "revokeRole",
          args: [role, getAddress(input.account)],
        }),
      });
      if (!sent.isSuccess) throw new AppError("CONFLICT", "revokeRole reverted on the fork.");
      summary = `${input.role} revoked from ${getAddress(input.account)} on ${contract.name} (fork only)`;
      break;
    }
    case "halt_rpc":
      await db().chain.update({ where: { id: drill.forkChainId }, data: { rpcUrls: [DEAD_RPC_URL] } });
      summary = "the fork's RPC is unreachable for the console";
      break;
    case "resume_rpc":
      await db().chain.update({ where: { id: drill.forkChainId }, data: { rpcUrls: [drill.rpcUrl] } });
      summary = "the fork's RPC answers again";
      break;
    case "fire_alert":
      summary = `alert "${input.name}" fired (drill)`;
      break;
  }
  await db().$transaction(async (tx) => {
    await appendTimelineEvent(tx, {
      incidentId: drill.incidentId,
      kind: "drill.injected",
      author: options.author,
      payload: { drillId: drill.id, injection: input.injection, summary },
    });
    if (input.injection === "fire_alert") {
      await appendTimelineEvent(tx, {
        incidentId: drill.incidentId,
        kind: "alert.fired",
        author: { type: "alert", id: null, label: "Drill facilitator" },
        payload: {
          alertId: `drill-${drill.id}`,
          name: input.name,
          source: "drill facilitator",
          count: 1,
          summary: "Injected by the drill's facilitator",
        },
      });
    }
  });
  return { summary };
}

/** Who may revoke the role on the fork: a registry Safe of the fork that holds the role's admin role. */
async function findRoleAdmin(chainId: number, contract: Hex, role: Hex): Promise<Hex> {
  const client = await publicClientFor(chainId);
  const adminRole = await client.readContract({
    address: contract,
    abi: accessControl as Abi,
    functionName: "getRoleAdmin",
    args: [role],
  });
  const safes = await db().safe.findMany({ where: { chainId } });
  for (const safe of safes) {
    const holds = await client.readContract({
      address: contract,
      abi: accessControl as Abi,
      functionName: "hasRole",
      args: [adminRole, getAddress(safe.address)],
    });
    if (holds === true) return getAddress(safe.address);
  }
  throw new AppError("CONFLICT", "No registry Safe on the fork holds the admin role of that role.");
}
