import { type Chain, defineChain } from "viem";
import { cookieStorage, createConfig, createStorage, http } from "wagmi";
import { injected, walletConnect } from "wagmi/connectors";

/** What the browser may know of a chain: no RPC URL, it reads through /api/rpc/<id>. */
export type PublicChain = { id: number; name: string; explorerUrl: string | null };

function proxyUrl(chainId: number): string {
  const origin = typeof window === "undefined" ? "http://localhost" : window.location.origin;
  return `${origin}/api/rpc/${chainId}`;
}

export function toViemChain(chain: PublicChain): Chain {
  return defineChain({
    id: chain.id,
    name: chain.name,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [proxyUrl(chain.id)] } },
    blockExplorers: chain.explorerUrl ? { default: { name: "Explorer", url: chain.explorerUrl } } : undefined,
  });
}

export type WalletOptions = {
  /** A WalletConnect Cloud project id: adds WalletConnect after the injected connector (the default). */
  walletConnectProjectId?: string | null;
};

/** wagmi from the chains in the registry; never a public RPC default. */
export function createWagmiConfig(chains: PublicChain[], options: WalletOptions = {}) {
  const viemChains = chains.map(toViemChain);
  const list = (
    viemChains.length > 0 ? viemChains : [toViemChain({ id: 31337, name: "Local", explorerUrl: null })]
  ) as [Chain, ...Chain[]];
  return createConfig({
    chains: list,
    connectors: [
      injected(),
      ...(options.walletConnectProjectId
        ? [
            walletConnect({
              projectId: options.walletConnectProjectId,
              showQrModal: true,
              // The phone wallet shows who asks: this console, by its own origin.
              metadata: {
                name: "Breakglass",
                description: "Incident command console",
                url: typeof window === "undefined" ? "http://localhost" : window.location.origin,
                icons: [],
              },
            }),
          ]
        : []),
    ],
    ssr: true,
    storage: createStorage({ storage: cookieStorage }),
    transports: Object.fromEntries(list.map((chain) => [chain.id, http(proxyUrl(chain.id))])),
  });
}
