import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-zinc-400">There is nothing at this address.</p>
      <Link href="/incidents" className="mt-4 inline-block text-amber-400 underline">
        Back to incidents
      </Link>
    </main>
  );
}
