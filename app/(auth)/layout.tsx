import type { ReactNode } from "react";
import { WalletScope } from "@/components/providers/wallet-scope";

export const dynamic = "force-dynamic";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  return <WalletScope>{children}</WalletScope>;
}
