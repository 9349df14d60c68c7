"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { Health } from "@/lib/health";

/**
 * What the banner reads of GET /api/health's body (lib/health); `watch` is optional because the first state,
 * rendered by a server that found the database down, knows nothing of the watchers.
 */
type HealthBody = Pick<Health, "database" | "chains"> & Partial<Pick<Health, "watch">>;
type Observed = HealthBody | "no-answer";

const EVERY_MS = 10_000;
/** While something is down, look more often: the banner should clear soon after the fault does. */
const WHILE_DOWN_MS = 2_000;

export const DATABASE_DOWN_MESSAGE = "Database unreachable — retrying";

function messagesFor(observed: Observed | null): string[] {
  if (observed === null) return [];
  if (observed === "no-answer") return ["The console server is not answering — retrying"];
  const messages = observed.database === "ok" ? [] : [DATABASE_DOWN_MESSAGE];
  for (const chain of observed.chains)
    if (chain.status !== "ok")
      messages.push(
        `Chain ${chain.name} RPC unreachable — proposals use the last known owners/nonce and are re-checked before execution`,
      );
  for (const chain of observed.watch ?? []) {
    if (chain.status === "lagging")
      messages.push(
        `Chain watch for ${chain.name} is behind (${chain.lagBlocks ?? "?"} blocks, last read ${chain.secondsSinceHead ?? "?"} s ago) — on-chain events reach timelines and alerts late`,
      );
    if (chain.status === "stopped")
      messages.push(
        `Chain watch for ${chain.name} is not running on any instance — on-chain events are not followed`,
      );
  }
  return messages;
}

async function observe(): Promise<Observed> {
  try {
    // /api/health answers 503 with the same JSON body when the database is down.
    const response = await fetch("/api/health", { cache: "no-store" });
    return (await response.json()) as HealthBody;
  } catch {
    return "no-answer";
  }
}

/**
 * Degraded modes as a banner, never as a crash: polls /api/health and names what is down and what still
 * works. When the database comes back it refreshes the server-rendered page, so a view that rendered the
 * "unreachable" shell recovers by itself.
 */
export function DegradedBanner({ isDatabaseDown = false }: { isDatabaseDown?: boolean }) {
  const router = useRouter();
  const [observed, setObserved] = useState<Observed | null>(
    isDatabaseDown ? { database: "unreachable", chains: [] } : null,
  );
  const wasDown = useRef(isDatabaseDown);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isCancelled = false;
    const poll = async () => {
      const next = await observe();
      if (isCancelled) return;
      setObserved(next);
      const isDown = next === "no-answer" || next.database !== "ok";
      if (wasDown.current && !isDown) router.refresh();
      wasDown.current = isDown;
      timer = setTimeout(poll, isDown || messagesFor(next).length > 0 ? WHILE_DOWN_MS : EVERY_MS);
    };
    timer = setTimeout(poll, isDatabaseDown ? WHILE_DOWN_MS : 0);
    return () => {
      isCancelled = true;
      clearTimeout(timer);
    };
  }, [router, isDatabaseDown]);

  const messages = messagesFor(observed);
  if (messages.length === 0) return null;
  return (
    <div
      role="alert"
      data-testid="degraded-banner"
      className="mb-4 space-y-1 rounded-md border border-amber-600 bg-amber-950/60 px-3 py-2 text-sm font-semibold text-amber-100"
    >
      {messages.map((message) => (
        <p key={message}>⚠ {message}</p>
      ))}
    </div>
  );
}

/** What the console shows instead of a view while its database cannot be reached. */
export function DatabaseDownShell() {
  return (
    <main className="mx-auto max-w-2xl space-y-3 p-6">
      <p className="text-xl font-bold tracking-tight">
        <span className="text-red-500">Break</span>glass
      </p>
      <DegradedBanner isDatabaseDown />
      <p className="text-zinc-300">
        The console cannot read its database right now. It keeps retrying and this page comes back by itself
        when the database does. Everything the console confirmed as saved before is kept.
      </p>
    </main>
  );
}
