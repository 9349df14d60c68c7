"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { DeclareButton } from "@/components/incidents/declare-button";
import { hasRole, type Role } from "@/lib/auth/browser";

const LINKS = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/incidents", label: "Incidents" },
  { href: "/alerts", label: "Alerts" },
  { href: "/runbooks", label: "Runbooks" },
  { href: "/proposals", label: "Proposals" },
  { href: "/readiness", label: "Readiness" },
  { href: "/postmortems", label: "Post-mortems" },
  { href: "/drills", label: "Drills" },
  { href: "/settings", label: "Settings" },
];

export function ConsoleNav({ member }: { member: { name: string; address: string; role: string } }) {
  const pathname = usePathname();
  return (
    // On a phone one scrolling row (about 48 px), so a signer's proposal starts on the first screen.
    <nav
      aria-label="Console"
      className="flex shrink-0 flex-row items-center gap-1 overflow-x-auto border-b border-zinc-800 bg-zinc-900 px-2 py-1.5 md:w-56 md:flex-col md:items-stretch md:overflow-visible md:border-r md:border-b-0 md:p-3"
    >
      <Link href="/incidents" className="shrink-0 px-2 text-lg font-bold tracking-tight md:mb-3 md:text-xl">
        <span className="text-red-500">Break</span>glass
      </Link>
      {/* Always in reach, never over content; the D shortcut opens the same dialog from any page. */}
      {hasRole(member.role as Role, "responder") ? <DeclareButton withShortcutHint /> : null}
      <ul className="flex shrink-0 flex-row gap-1 md:flex-col">
        {LINKS.map((link) => {
          const isActive = pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={isActive ? "page" : undefined}
                className={`block whitespace-nowrap rounded px-2 py-1.5 text-sm ${isActive ? "bg-zinc-800 font-semibold text-white" : "text-zinc-300 hover:bg-zinc-800"}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
      <div
        className="ml-2 flex shrink-0 items-center gap-2 text-xs text-zinc-400 md:mt-auto md:ml-0 md:block md:border-t md:border-zinc-800 md:pt-3"
        data-testid="current-member"
      >
        <p className="font-semibold whitespace-nowrap text-zinc-200">{member.name}</p>
        <p className="hidden font-mono md:block">
          {member.address ? `${member.address.slice(0, 6)}…${member.address.slice(-4)}` : ""}
        </p>
        <p className="whitespace-nowrap">
          <span className="hidden md:inline">Role: </span>
          {member.role}
        </p>
        <button type="button" className="whitespace-nowrap underline md:mt-2" onClick={signOut}>
          Sign out
        </button>
      </div>
    </nav>
  );
}

/** next-auth's client (and its Babel runtime, ~8 KB gzipped) is loaded only when someone signs out. */
async function signOut() {
  const { signOut: nextAuthSignOut } = await import("next-auth/react");
  await nextAuthSignOut({ callbackUrl: "/login" });
}
