import type { BrowserContext } from "@playwright/test";

/**
 * Installs the test wallet in a browser context: the page gets an EIP-1193 provider whose requests the test
 * process forwards to anvil (whose default accounts are unlocked: real signatures by real keys, made by the
 * node, not mocked). Like a browser extension, the wallet talks to its node from outside the page, so the
 * console's Content-Security-Policy (connect-src 'self') applies to the console, not to the wallet.
 */
export async function installTestWallet(
  context: BrowserContext,
  options: { rpcUrl: string; account: string },
) {
  await context.exposeBinding("__breakglassWalletRpc", async (_source, body: string) => {
    const response = await fetch(options.rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    return response.text();
  });
  await context.addInitScript({ content: injectedProviderScript(options) });
}

function injectedProviderScript(options: { rpcUrl: string; account: string }): string {
  return `(() => {
  const account = ${JSON.stringify(options.account)};
  const listeners = {};
  let nextId = 1;
  // Like a real wallet on a new site: no accounts until the page asks and the user approves.
  let isConnected = false;
  async function rpc(method, params) {
    const body = JSON.parse(
      await window.__breakglassWalletRpc(
        JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params: params ?? [] }),
      ),
    );
    if (body.error) {
      const error = new Error(body.error.message);
      error.code = body.error.code;
      error.data = body.error.data;
      throw error;
    }
    return body.result;
  }
  const provider = {
    isBreakglassTestWallet: true,
    async request({ method, params }) {
      switch (method) {
        case "eth_requestAccounts":
          isConnected = true;
          return [account];
        case "eth_accounts":
          return isConnected ? [account] : [];
        case "wallet_requestPermissions":
        case "wallet_getPermissions":
          return [{ parentCapability: "eth_accounts" }];
        case "wallet_revokePermissions":
        case "wallet_switchEthereumChain":
        case "wallet_addEthereumChain":
          return null;
        default:
          return rpc(method, params);
      }
    },
    on(event, handler) { (listeners[event] ??= []).push(handler); return provider; },
    removeListener(event, handler) { listeners[event] = (listeners[event] ?? []).filter((h) => h !== handler); return provider; },
  };
  window.ethereum = provider;
  const info = { uuid: "7f3b1f0e-0000-4000-8000-breakglass01", name: "Breakglass Test Wallet", icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E", rdns: "dev.breakglass.testwallet" };
  const announce = () => window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider }) }));
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
})();`;
}
