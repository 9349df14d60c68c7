import type { ReactNode } from "react";
import { Web3Provider } from "@/components/providers/web3-provider";
import { listPublicChains } from "@/lib/chain/public-chains";

export const dynamic = "force-dynamic";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const chains = await listPublicChains();
  return <Web3Provider chains={chains}>{children}</Web3Provider>;
}
