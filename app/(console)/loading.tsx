export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse text-zinc-400">
      Loading…
    </div>
  );
}
