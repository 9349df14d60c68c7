"use client";

import { UtcTime } from "@/components/incidents/utc-time";
import { apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";
import type { PageDeadLetter } from "@/lib/paging";

/** Page deliveries that failed every retry; Replay sends one again with fresh attempts. */
export function PageDeadLetters({ letters }: { letters: PageDeadLetter[] }) {
  const { error, run } = useApiAction();
  if (letters.length === 0) return <p className="text-sm text-zinc-400">None: every page was delivered.</p>;
  return (
    <div className="space-y-2">
      <ul className="divide-y divide-zinc-800 rounded border border-zinc-800 text-sm">
        {letters.map((letter) => (
          <li
            key={letter.id}
            data-testid="page-dead-letter"
            className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2"
          >
            <span className="font-semibold">{letter.memberName}</span>
            <span>{letter.kind}</span>
            <span className="text-zinc-300">{letter.pageTitle}</span>
            <span className="text-red-400">{letter.lastError ?? "failed"}</span>
            <span className="text-xs text-zinc-400">
              {letter.attempts} attempts · gave up <UtcTime at={letter.updatedAt} withDate />
            </span>
            <Button
              variant="secondary"
              className="ml-auto py-1 text-xs"
              onClick={() =>
                run(() => apiFetch(`/api/paging/dead-letters/${letter.id}/replay`, { method: "POST" }))
              }
            >
              Replay
            </Button>
          </li>
        ))}
      </ul>
      <FormError error={error} />
    </div>
  );
}
