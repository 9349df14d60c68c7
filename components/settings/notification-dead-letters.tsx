"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { UtcTime } from "@/components/incidents/utc-time";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import type { DeadLetter } from "@/lib/notifications";

/** Notifications that failed every retry. Replay queues one again with a fresh set of attempts. */
export function NotificationDeadLetters({ letters }: { letters: DeadLetter[] }) {
  const router = useRouter();
  const [error, setError] = useState<string>("");

  async function replay(id: string) {
    setError("");
    try {
      await apiFetch(`/api/settings/notifications/dead-letters/${id}/replay`, { method: "POST" });
      router.refresh();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
    }
  }

  if (letters.length === 0)
    return <p className="text-sm text-zinc-400">None: every notification was delivered.</p>;
  return (
    <div className="space-y-2">
      <ul className="divide-y divide-zinc-800 rounded border border-zinc-800 text-sm">
        {letters.map((letter) => (
          <li
            key={letter.id}
            className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2"
            data-testid="dead-letter"
          >
            <span className="font-semibold">{letter.channelName}</span>
            <span>{letter.event.replace("_", " ")}</span>
            <span className="text-red-400">{letter.lastError ?? "failed"}</span>
            <span className="text-xs text-zinc-400">
              {letter.attempts} attempts · gave up <UtcTime at={letter.deadAt} withDate />
            </span>
            <Button variant="secondary" className="ml-auto py-1 text-xs" onClick={() => replay(letter.id)}>
              Replay
            </Button>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="text-sm text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
