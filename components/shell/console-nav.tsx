"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { DeclareButton } from "@/components/incidents/declare-button";
import { hasRole, type Role } from "@/lib/auth/roles";

const LINKS = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/incidents", label: "Incidents" },
  { href: "/alerts", label: "Alerts" },
  { href: "/runbooks", label: "Runbooks" },
  { href: "/proposals", label: "Proposals" },
  { href: "/postmortems", label: "Post-mortems" },
  { href: "/settings", label: "Settings" },
];

export function ConsoleNav({ member }: { member: { name: string; address: string; role: string } }) {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Console"
      className="flex shrink-0 flex-col gap-1 border-zinc-800 bg-zinc-900 p-3 md:w-56 md:border-r"
    >
      <Link href="/incidents" className="mb-3 px-2 text-xl font-bold tracking-tight">
        <span className="text-red-500">Break</span>glass
      </Link>
      {/* Always in reach, never over content; the D shortcut opens the same dialog from any page. */}
      {hasRole(member.role as Role, "responder") ? <DeclareButton withShortcutHint /> : null}
      <ul className="flex flex-row flex-wrap gap-1 md:flex-col">
        {LINKS.map((link) => {
          const isActive = pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={isActive ? "page" : undefined}
                className={`block rounded px-2 py-1.5 text-sm ${isActive ? "bg-zinc-800 font-semibold text-white" : "text-zinc-300 hover:bg-zinc-800"}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
      <div
        className="mt-auto border-t border-zinc-800 pt-3 text-xs text-zinc-400"
        data-testid="current-member"
      >
        <p className="font-semibold text-zinc-200">{member.name}</p>
        <p className="font-mono">
          {member.address ? `${member.address.slice(0, 6)}…${member.address.slice(-4)}` : ""}
        </p>
        <p>Role: {member.role}</p>
        <button type="button" className="mt-2 underline" onClick={signOut}>
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
