/** An address with its registry name: people read the name, hardware-wallet users compare the hex. */
export function AddressLabel({ address, name }: { address: string; name?: string | null }) {
  return (
    <span className="inline-flex min-w-0 flex-wrap items-baseline gap-x-2">
      {name ? (
        <span className="font-semibold text-zinc-100">{name}</span>
      ) : (
        <span className="font-semibold text-amber-300">unknown address</span>
      )}
      <code className="break-all font-mono text-xs text-zinc-400">{address}</code>
    </span>
  );
}
