import { type Address, formatEther, getAddress, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { publicClientFor } from "../chain";
import { decryptSecret, encryptSecret } from "../crypto";
import { db } from "../db/client";
import { AppError } from "../errors";
import { ZExecutorKey } from "./schemas";

/**
 * The server's executor key: any funded account can submit a kit (the Safe checks the owners' signatures,
 * not the sender), so this key needs no rights, only a small balance for gas. Stored encrypted; only its
 * address and balance are ever shown. One key is in use: setting a new one retires the previous.
 */
export async function setExecutorKey(
  input: unknown,
  createdBy: string | null,
): Promise<{ address: Address }> {
  const parsed = ZExecutorKey.parse(input);
  const address = privateKeyToAccount(parsed.privateKey as Hex).address;
  await db().$transaction(async (tx) => {
    await tx.executorKey.updateMany({ where: { isEnabled: true }, data: { isEnabled: false } });
    await tx.executorKey.upsert({
      where: { address },
      create: { label: parsed.label, address, keyCipher: encryptSecret(parsed.privateKey), createdBy },
      update: { label: parsed.label, keyCipher: encryptSecret(parsed.privateKey), isEnabled: true },
    });
  });
  return { address };
}

export async function removeExecutorKey(): Promise<void> {
  await db().executorKey.updateMany({ where: { isEnabled: true }, data: { isEnabled: false } });
}

/** The account that signs transactions for the server, or null when none is configured. */
export async function executorAccount() {
  const row = await db().executorKey.findFirst({
    where: { isEnabled: true },
    orderBy: { createdAt: "desc" },
  });
  if (!row) return null;
  return privateKeyToAccount(decryptSecret(row.keyCipher) as Hex);
}

export type ExecutorView = {
  label: string;
  address: Address;
  balances: { chainId: number; ether: string | null }[];
};

export async function getExecutorView(chainIds: number[]): Promise<ExecutorView | null> {
  const row = await db().executorKey.findFirst({
    where: { isEnabled: true },
    orderBy: { createdAt: "desc" },
    select: { label: true, address: true },
  });
  if (!row) return null;
  const address = getAddress(row.address);
  const balances = await Promise.all(
    chainIds.map(async (chainId) => {
      try {
        const client = await publicClientFor(chainId);
        return { chainId, ether: formatEther(await client.getBalance({ address })) };
      } catch {
        return { chainId, ether: null };
      }
    }),
  );
  return { label: row.label, address, balances };
}

export function requireExecutor<T>(account: T | null): T {
  if (!account)
    throw new AppError(
      "CONFLICT",
      "No executor key is configured: break the glass from your wallet, or add one.",
    );
  return account;
}
