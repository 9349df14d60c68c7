import { readFileSync } from "node:fs";
import path from "node:path";
import { type Address, encodeFunctionData, type Hex, parseAbi, zeroAddress } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { db } from "@/lib/db";
import { addKitSignature, createKit } from "@/lib/kits";
import { importRunbook } from "@/lib/runbooks";
import { safeAbi, safeTxTypedData, safeTxWithoutRefund } from "@/lib/safe";
import { addressOf, keyOf, memberAuthor, registry, sendExecution, stack } from "./safe-support";

/** Shared by the kit tests: real anvil, real Safe v1.4.1, real keys; nothing mocked. */

export const ownerAbi = parseAbi([
  "function addOwnerWithThreshold(address owner, uint256 _threshold)",
  "function removeOwner(address prevOwner, address owner, uint256 _threshold)",
  "function unpauseGlobal()",
  "function isGloballyPaused() view returns (bool)",
]);

/** The runbook action that calls pauseGlobal(), as `<versionId>:<anchor>:<actionIndex>`. */
export async function pauseGlobalAction(): Promise<string> {
  const markdown = readFileSync(path.resolve(import.meta.dirname, "../fixtures/pause-runbook.md"), "utf8");
  const { version } = await importRunbook({
    source: markdown,
    fileName: "pause-runbook.md",
    importedBy: null,
  });
  const versions = [await db().runbookVersion.findUniqueOrThrow({ where: { id: version.id } })];
  for (const version of versions) {
    const parsed = version.parsed as {
      actions: { signature: string | null; kind?: string; runbook: string }[];
    };
    const index = parsed.actions.findIndex((a) => a.signature === "pauseGlobal()");
    if (index >= 0) return `${version.id}:${parsed.actions[index]!.runbook}:${index}`;
  }
  throw new Error("no runbook has a pauseGlobal() action");
}

export async function safeNonce(safe: Address): Promise<number> {
  return Number(
    await stack().publicClient.readContract({ address: safe, abi: safeAbi, functionName: "nonce" }),
  );
}

/** What an owner's wallet returns for the kit at one nonce (EIP-712 SafeTx, v = 27/28). */
export async function signKit(index: number, kitId: string, nonce: number): Promise<Hex> {
  const kit = await db().emergencyKit.findUniqueOrThrow({ where: { id: kitId }, include: { safe: true } });
  return privateKeyToAccount(keyOf(index)).signTypedData(
    safeTxTypedData(kit.safe.chainId, kit.safe.address, safeTxWithoutRefund(kit, nonce)),
  );
}

/** Executes one call through a demo Safe with two owners' keys, outside the console (a routine transaction). */
export async function execThroughSafe(safe: Address, owners: [number, number], to: Address, data: Hex) {
  const nonce = await safeNonce(safe);
  const fields = safeTxWithoutRefund({ to, value: "0", data, operation: 0 }, nonce);
  const typed = safeTxTypedData(stack().deployment.chainId, safe, fields);
  const signed = await Promise.all(
    owners.map(async (i) => ({
      owner: privateKeyToAccount(keyOf(i)).address,
      signature: await privateKeyToAccount(keyOf(i)).signTypedData(typed),
    })),
  );
  signed.sort((a, b) => (BigInt(a.owner) < BigInt(b.owner) ? -1 : 1));
  await sendExecution(0, {
    chainId: stack().deployment.chainId,
    safeAddress: safe,
    signers: signed.map((s) => s.owner),
    args: {
      to,
      value: "0",
      data,
      operation: 0,
      safeTxGas: "0",
      baseGas: "0",
      gasPrice: "0",
      gasToken: zeroAddress,
      refundReceiver: zeroAddress,
      signatures: `0x${signed.map((s) => s.signature.slice(2)).join("")}` as Hex,
    },
  });
}

export async function isGloballyPaused(): Promise<boolean> {
  return stack().publicClient.readContract({
    address: stack().deployment.contracts.globalPauseRegistry,
    abi: ownerAbi,
    functionName: "isGloballyPaused",
  });
}

/** Unpauses through the Admin Safe (Bob and Carol), as the demo's separation of duties wants. */
export async function unpause() {
  if (!(await isGloballyPaused())) return;
  const { deployment } = stack();
  await execThroughSafe(
    deployment.safes.admin.address,
    [2, 3],
    deployment.contracts.globalPauseRegistry,
    encodeFunctionData({ abi: ownerAbi, functionName: "unpauseGlobal" }),
  );
}

/**
 * A pauseGlobal() kit on the Guardian Safe, made by `owners[0]` and signed by both owners at `ladderLength`
 * nonces from the Safe's current one: ARMED. Returns the kit's id and the first signed nonce.
 */
export async function makeArmedPauseKit(options: {
  name: string;
  owners: [number, number];
  ladderLength: number;
}): Promise<{ kitId: string; firstNonce: number }> {
  const { globalPause, guardian } = await registry();
  const kit = await createKit({
    input: {
      name: options.name,
      safeId: guardian.id,
      calls: [{ contractId: globalPause.id, signature: "pauseGlobal()", args: [], value: "0" }],
      ladderLength: options.ladderLength,
    },
    author: await memberAuthor(options.owners[0]),
  });
  const firstNonce = await safeNonce(stack().deployment.safes.guardian.address);
  for (let i = 0; i < options.ladderLength; i++)
    for (const owner of options.owners)
      await addKitSignature({
        kitId: kit.id,
        input: {
          nonce: firstNonce + i,
          signature: await signKit(owner, kit.id, firstNonce + i),
          signer: addressOf(owner),
        },
        author: await memberAuthor(owner),
      });
  return { kitId: kit.id, firstNonce };
}
