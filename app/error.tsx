"use client";

export default function RootError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-xl font-semibold text-red-400">Something went wrong</h1>
      <p className="mt-2 text-zinc-300">{error.message || "The page failed to load."}</p>
      {error.digest ? <p className="mt-1 font-mono text-xs text-zinc-500">ref {error.digest}</p> : null}
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded bg-zinc-800 px-3 py-1.5 hover:bg-zinc-700"
      >
        Try again
      </button>
    </main>
  );
}
