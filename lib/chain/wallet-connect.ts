// WalletConnect (phone wallets, Safe{Wallet} mobile, Ledger Live) as a second connector, when the operator
// configures a WalletConnect Cloud project id. The injected (browser extension) connector stays the default.

/** WalletConnect Cloud project ids are 32 hex characters; anything else would be refused by the relay. */
export const WALLETCONNECT_PROJECT_ID = /^[0-9a-f]{32}$/i;

/**
 * What the page must be allowed to reach for a pairing: the relay (WebSocket), its RPC and the pairing
 * modal's wallet list and images, and the verify frame that checks this console's domain. Added to the CSP
 * only when WalletConnect is configured: otherwise connections stay on 'self'.
 */
export const WALLETCONNECT_CSP = {
  connect: [
    "wss://relay.walletconnect.org",
    "wss://relay.walletconnect.com",
    "https://rpc.walletconnect.org",
    "https://rpc.walletconnect.com",
    "https://pulse.walletconnect.org",
    "https://api.web3modal.org",
    "https://verify.walletconnect.org",
  ],
  img: ["https://api.web3modal.org", "https://*.walletconnect.com"],
  frame: ["https://verify.walletconnect.org", "https://verify.walletconnect.com"],
} as const;

/** The configured project id, or null when unset or malformed (the env check names a malformed one). */
export function walletConnectProjectId(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return WALLETCONNECT_PROJECT_ID.test(trimmed) ? trimmed : null;
}
