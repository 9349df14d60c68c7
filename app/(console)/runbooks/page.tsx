import type { Metadata } from "next";
import Link from "next/link";
import { hasRole, requirePageMember } from "@/lib/auth";
import { listRunbooks, ZListRunbooksQuery } from "@/lib/runbooks";

export const metadata: Metadata = { title: "Runbooks" };

export default async function RunbooksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requirePageMember("viewer");
  const parsedQuery = ZListRunbooksQuery.safeParse(await searchParams);
  const q = parsedQuery.success ? (parsedQuery.data.q ?? "") : "";
  const runbooks = await listRunbooks({ q });
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Runbooks</h1>
        {hasRole(actor.role, "responder") ? (
          <Link
            href="/runbooks/import"
            className="rounded-md bg-amber-500 px-3 py-2 text-sm font-semibold text-zinc-950 hover:bg-amber-400"
          >
            Import runbook
          </Link>
        ) : null}
      </div>
      <search>
        <form className="flex gap-2" action="/runbooks">
          <label className="sr-only" htmlFor="runbook-search">
            Search runbooks
          </label>
          <input
            id="runbook-search"
            name="q"
            defaultValue={q}
            placeholder="Search titles and section text (e.g. pause, oracle)"
            className="w-full max-w-md rounded border border-zinc-700 bg-zinc-900 px-2 py-1.5 text-sm"
          />
          <button
            type="submit"
            className="rounded bg-zinc-800 px-3 py-1.5 text-sm font-semibold hover:bg-zinc-700"
          >
            Search
          </button>
        </form>
      </search>
      {runbooks.length === 0 ? (
        <p className="text-zinc-400">
          {q
            ? `No runbook mentions “${q}”.`
            : "No runbooks yet. Import the Markdown runbooks your team keeps."}
        </p>
      ) : (
        <ul className="divide-y divide-zinc-800 rounded border border-zinc-800" aria-label="Runbook library">
          {runbooks.map((runbook) => (
            <li key={runbook.id} className="p-3">
              <Link href={`/runbooks/${runbook.id}`} className="font-semibold text-zinc-100 hover:underline">
                {runbook.title}
              </Link>
              <p className="text-xs text-zinc-400">
                v{runbook.latestVersion?.version ?? 0} · {runbook.versionCount} version
                {runbook.versionCount === 1 ? "" : "s"} · {runbook.sectionCount} sections ·{" "}
                {runbook.actionCount} contract actions
              </p>
              {runbook.matches.length ? (
                <ul className="mt-1 flex flex-wrap gap-2 text-xs">
                  {runbook.matches.map((match) => (
                    <li key={match.anchor}>
                      <Link
                        href={`/runbooks/${runbook.id}#${match.anchor}`}
                        className="text-sky-300 hover:underline"
                      >
                        {match.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
