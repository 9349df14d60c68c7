import {
  type Address,
  createPublicClient,
  getAddress,
  type Hex,
  http,
  isHex,
  recoverMessageAddress,
} from "viem";
import { parseSiweMessage } from "viem/siwe";
import { AppError } from "../errors";

export type SiweCheck = {
  message: string;
  signature: string;
  /** host[:port] the console is served from; the message must name exactly this. */
  expectedDomain: string;
  allowedChainIds: number[];
  now?: Date;
  /** RPC URL per chain for smart-contract wallets (ERC-1271); EOAs are verified locally. */
  rpcUrlFor?: (chainId: number) => string | undefined;
};

export type SiweResult = { address: Address; nonce: string; chainId: number };

function refuse(message: string): never {
  throw new AppError("UNAUTHENTICATED", message);
}

/** Checks everything in a Sign-In with Ethereum message except the nonce's single use (the caller does that). */
export async function verifySiweLogin(check: SiweCheck): Promise<SiweResult> {
  const now = check.now ?? new Date();
  const fields = parseSiweMessage(check.message);
  if (!fields.address || !fields.domain || !fields.nonce || !fields.chainId || !fields.uri) {
    refuse("The sign-in message is not a valid Sign-In with Ethereum message.");
  }
  if (fields.domain !== check.expectedDomain) {
    refuse(`The sign-in message is for ${fields.domain}, not for this console (${check.expectedDomain}).`);
  }
  let uriHost: string;
  try {
    uriHost = new URL(fields.uri).host;
  } catch {
    refuse("The sign-in message has an invalid URI.");
  }
  if (uriHost !== check.expectedDomain) refuse("The sign-in message's URI does not match this console.");
  if (!check.allowedChainIds.includes(fields.chainId)) {
    refuse(`Chain ${fields.chainId} is not configured for this console.`);
  }
  if (fields.expirationTime && fields.expirationTime.getTime() <= now.getTime())
    refuse("The sign-in message has expired.");
  if (fields.notBefore && fields.notBefore.getTime() > now.getTime())
    refuse("The sign-in message is not valid yet.");
  if (fields.issuedAt && fields.issuedAt.getTime() > now.getTime() + 5 * 60_000) {
    refuse("The sign-in message was issued in the future.");
  }
  if (!isHex(check.signature) || check.signature.length < 132) refuse("The signature is malformed.");

  const address = getAddress(fields.address);
  const signature = check.signature as Hex;
  let isValid = false;
  try {
    isValid = (await recoverMessageAddress({ message: check.message, signature })) === address;
  } catch {
    isValid = false;
  }
  if (!isValid) {
    // Not an EOA signature of this address: a smart-contract wallet may still accept it (ERC-1271).
    const rpcUrl = check.rpcUrlFor?.(fields.chainId);
    if (rpcUrl) {
      const client = createPublicClient({ transport: http(rpcUrl, { timeout: 5_000, retryCount: 0 }) });
      isValid = await client.verifyMessage({ address, message: check.message, signature }).catch(() => false);
    }
  }
  if (!isValid) refuse("The signature does not match the address in the sign-in message.");
  return { address, nonce: fields.nonce, chainId: fields.chainId };
}
