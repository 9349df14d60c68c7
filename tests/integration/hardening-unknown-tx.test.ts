import { randomBytes } from "node:crypto";
import { createWalletClient, type Hex, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { describe, expect, it } from "vitest";
import { waitForKnownReceipt } from "@/lib/chain";
import { isAppError } from "@/lib/errors";
import { keyOf, stack } from "./safe-support";

// Finding 13: recording an execution (or a kit's) for a hash the node has never seen held the request for the
// whole 60 s receipt timeout, polling the RPC. Now it is refused as a bad field once the node has not seen it.
describe("a transaction hash the node does not know", () => {
  it("is refused naming txHash, instead of waiting for a receipt that cannot come", async () => {
    const { publicClient } = stack();
    const unknown = `0x${randomBytes(32).toString("hex")}` as Hex;
    const error = await waitForKnownReceipt(publicClient, unknown, { pollingInterval: 50 }).catch(
      (caught: unknown) => caught,
    );
    expect(isAppError(error) && error.code).toBe("UNPROCESSABLE");
    expect(isAppError(error) && error.fields?.map((f) => f.path)).toEqual(["txHash"]);
  });

  it("a transaction it has seen gets its receipt as before", async () => {
    const { deployment, publicClient } = stack();
    const wallet = createWalletClient({
      chain: foundry,
      transport: http(deployment.rpcUrl),
      account: privateKeyToAccount(keyOf(5)),
    });
    const hash = await wallet.sendTransaction({ to: wallet.account.address, value: 0n });
    const receipt = await waitForKnownReceipt(publicClient, hash, { pollingInterval: 50 });
    expect(receipt.transactionHash).toBe(hash);
    expect(receipt.status).toBe("success");
  });
});
