/**
 * What a console page shows while its data loads on navigation. Each section's loading.tsx uses it; the
 * incident page has none on purpose: its header is in the first HTML the server sends (its largest paint),
 * and it answers fast enough that a placeholder would only delay it.
 */
export function PageLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse text-zinc-400">
      Loading…
    </div>
  );
}
