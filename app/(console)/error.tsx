"use client";

export default function ConsoleError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="max-w-xl rounded border border-red-800 bg-red-950/50 p-4">
      <h2 className="font-semibold text-red-300">This view failed to load</h2>
      <p className="mt-1 text-sm text-zinc-300">{error.message || "An unexpected error occurred."}</p>
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
