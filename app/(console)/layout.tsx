import type { ReactNode } from "react";
import { SignInRedirect } from "@/components/auth/sign-in-redirect";
import { DeclareIncidentDialog } from "@/components/incidents/declare-incident-dialog";
import { KitSignBanner } from "@/components/kits/kit-sign-banner";
import { ConsoleNav } from "@/components/shell/console-nav";
import { DatabaseDownShell, DegradedBanner } from "@/components/shell/degraded-banner";
import { type Actor, findPageMember, hasRole } from "@/lib/auth";
import { isDatabaseDown } from "@/lib/db/is-database-down";
import { listSeverityLevels } from "@/lib/incidents";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  let member: Actor | null;
  try {
    member = await findPageMember();
  } catch (error) {
    // Database down: a clear notice that retries by itself, not an error page (redirects still propagate).
    if (isDatabaseDown(error)) return <DatabaseDownShell />;
    throw error;
  }
  if (!member) return <SignInRedirect />;
  const canDeclare = hasRole(member.role, "responder");
  const levels = canDeclare ? await listSeverityLevels() : [];
  // No wallet provider here: wagmi, viem and TanStack Query are a third of a page's scripts, and most pages
  // read nothing from a wallet. Pages that sign wrap their part in <WalletScope>; the incident page loads its
  // chain reads after it is on screen.
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <ConsoleNav member={{ name: member.name, address: member.address ?? "", role: member.role }} />
      <main className="min-w-0 flex-1 p-4 md:p-6">
        <DegradedBanner />
        <KitSignBanner address={member.address ?? ""} />
        {children}
      </main>
      <DeclareIncidentDialog
        canDeclare={canDeclare}
        initialLevels={levels.map((level) => ({
          name: level.name,
          definition: level.definition,
          color: level.color,
        }))}
      />
    </div>
  );
}
