/**
 * A test-only EIP-1193 wallet injected into the page. It forwards every request to anvil, whose default
 * accounts are unlocked: signatures are real signatures by real keys, made by the node, not mocked.
 */
export function injectedProviderScript(options: { rpcUrl: string; account: string }): string {
  return `(() => {
  const rpcUrl = ${JSON.stringify(options.rpcUrl)};
  const account = ${JSON.stringify(options.account)};
  const listeners = {};
  let nextId = 1;
  // Like a real wallet on a new site: no accounts until the page asks and the user approves.
  let isConnected = false;
  async function rpc(method, params) {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params: params ?? [] }),
    });
    const body = await response.json();
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
