"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect, useRef, useState } from "react";

type Cause = "checking" | "database" | "no-answer" | "other";

/**
 * A view that failed to render. In production the server's message is withheld, so the cause is asked of
 * /api/health: when the database is unreachable the view says so and retries by itself until it is back.
 */
export default function ConsoleError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const router = useRouter();
  const [cause, setCause] = useState<Cause>("checking");
  // The polling loop must not restart when the boundary hands a new `reset`.
  const resetRef = useRef(reset);
  resetRef.current = reset;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isCancelled = false;
    let wasDown = false;
    const check = async () => {
      const next: Cause = await fetch("/api/health", { cache: "no-store" }).then(
        async (response) =>
          ((await response.json()) as { database?: string }).database === "ok" ? "other" : "database",
        () => "no-answer",
      );
      if (isCancelled) return;
      if (next !== "other") {
        wasDown = true;
        setCause(next);
        timer = setTimeout(check, 2_000);
        return;
      }
      if (!wasDown) return setCause("other");
      // Back: render the view again from the server.
      startTransition(() => {
        router.refresh();
        resetRef.current();
      });
    };
    void check();
    return () => {
      isCancelled = true;
      clearTimeout(timer);
    };
  }, [router]);

  if (cause === "database" || cause === "no-answer")
    return (
      <div
        role="alert"
        className="max-w-xl rounded border border-amber-600 bg-amber-950/60 p-4"
        data-testid="view-unavailable"
      >
        <h2 className="font-semibold text-amber-100">
          {cause === "database"
            ? "Database unreachable — retrying"
            : "The console server is not answering — retrying"}
        </h2>
        <p className="mt-1 text-sm text-zinc-300">
          This view comes back by itself as soon as it can be read again. Everything the console confirmed as
          saved is kept.
        </p>
      </div>
    );
  return (
    <div role="alert" className="max-w-xl rounded border border-red-800 bg-red-950/50 p-4">
      <h2 className="font-semibold text-red-300">This view failed to load</h2>
      <p className="mt-1 text-sm text-zinc-300">
        {cause === "checking"
          ? "Checking the console's health…"
          : error.message || "An unexpected error occurred."}
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-3 rounded bg-zinc-800 px-3 py-1.5 text-sm hover:bg-zinc-700"
      >
        Try again
      </button>
    </div>
  );
}
