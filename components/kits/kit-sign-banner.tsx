import Link from "next/link";
import { listKitBanners } from "@/lib/kits";

/** For an owner who signs in: the kits the last recheck found waiting for their signature. */
export async function KitSignBanner({ address }: { address: string }) {
  if (!address) return null;
  const kits = await listKitBanners(address);
  if (kits.length === 0) return null;
  return (
    <div
      role="alert"
      data-testid="kit-sign-banner"
      className="mb-4 rounded border border-amber-500/50 bg-amber-500/10 p-3 text-sm text-amber-200"
    >
      Emergency kits need your signature:{" "}
      {kits.map((kit) => (
        <Link key={kit.id} href={`/readiness/${kit.id}`} className="mr-3 underline">
          {kit.name} ({kit.lastState}: {kit.lastReason})
        </Link>
      ))}
    </div>
  );
}
