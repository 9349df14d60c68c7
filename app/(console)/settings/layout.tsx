import Link from "next/link";
import type { ReactNode } from "react";

const SECTIONS = [
  { href: "/settings", label: "Members" },
  { href: "/settings/severity", label: "Severity scheme" },
  { href: "/settings/registry", label: "Chains, contracts, Safes" },
  { href: "/settings/runbook-bindings", label: "Runbook placeholders" },
  { href: "/settings/alerts", label: "Alert sources & routes" },
  { href: "/settings/watch", label: "Chain watch" },
  { href: "/settings/notifications", label: "Notifications" },
  { href: "/settings/paging", label: "Paging & on-call" },
  { href: "/settings/executor", label: "Executor key" },
  { href: "/settings/tokens", label: "API tokens" },
];

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-6 lg:flex-row">
      <nav aria-label="Settings" className="shrink-0 lg:w-52">
        <ul className="flex flex-row flex-wrap gap-1 text-sm lg:flex-col">
          {SECTIONS.map((section) => (
            <li key={section.href}>
              <Link href={section.href} className="block rounded px-2 py-1 text-zinc-300 hover:bg-zinc-800">
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
