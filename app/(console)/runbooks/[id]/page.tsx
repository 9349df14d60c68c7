import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { UtcTime } from "@/components/incidents/utc-time";
import { RunbookVersionView } from "@/components/runbooks/runbook-version-view";
import { requirePageMember } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { boundContractsByAction, getRunbookVersion } from "@/lib/runbooks";

export const metadata: Metadata = { title: "Runbook" };

const ZQuery = z.object({
  version: z.coerce.number().int().positive().optional().catch(undefined),
  imported: z.enum(["new", "unchanged"]).optional().catch(undefined),
});

export default async function RunbookPage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  await requirePageMember("viewer");
  const { id } = await props.params;
  const query = ZQuery.parse(await props.searchParams);
  const detail = await getRunbookVersion({ idOrSlug: id, version: query.version }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const contracts = await boundContractsByAction(detail.parsed.actions);
  const latest = detail.versions[0]?.version;
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/runbooks" className="text-zinc-400 hover:underline">
          ← Runbooks
        </Link>
      </p>
      {query.imported ? (
        <p
          role="status"
          className="rounded border border-emerald-700 bg-emerald-950 p-2 text-sm text-emerald-100"
        >
          {query.imported === "new"
            ? `Imported as version ${detail.version.version}.`
            : `Unchanged: the text is identical to version ${detail.version.version}, no new version was created.`}
        </p>
      ) : null}
      <header>
        <h1 className="text-2xl font-semibold">{detail.document.title}</h1>
        <p className="text-sm text-zinc-400">
          Version {detail.version.version}
          {detail.version.version === latest ? " (latest)" : ` of ${latest}`} · imported{" "}
          <UtcTime at={detail.version.createdAt} withDate /> · sha256{" "}
          <code className="font-mono text-xs">{detail.version.sha256.slice(0, 12)}…</code> ·{" "}
          <a
            href={`/api/runbooks/versions/${detail.version.id}/source`}
            className="text-sky-300 hover:underline"
          >
            original Markdown
          </a>
        </p>
      </header>
      <div className="flex flex-col gap-6 lg:flex-row">
        <div className="min-w-0 flex-1">
          <RunbookVersionView parsed={detail.parsed} contracts={contracts} />
        </div>
        <aside className="space-y-4 lg:w-72 lg:shrink-0">
          <section aria-labelledby="versions-heading" className="rounded border border-zinc-800 p-3">
            <h2 id="versions-heading" className="mb-2 font-semibold">
              Versions
            </h2>
            <ul className="space-y-1 text-sm">
              {detail.versions.map((version) => (
                <li key={version.id} className="flex justify-between gap-2">
                  <Link
                    href={`/runbooks/${detail.document.id}?version=${version.version}`}
                    aria-current={version.version === detail.version.version ? "page" : undefined}
                    className={
                      version.version === detail.version.version
                        ? "font-semibold"
                        : "text-sky-300 hover:underline"
                    }
                  >
                    v{version.version}
                  </Link>
                  <span className="text-xs text-zinc-400">
                    <UtcTime at={version.createdAt} withDate /> · {version.incidentCount} incident
                    {version.incidentCount === 1 ? "" : "s"}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="used-heading" className="rounded border border-zinc-800 p-3">
            <h2 id="used-heading" className="mb-2 font-semibold">
              Used by incidents (v{detail.version.version})
            </h2>
            {detail.incidents.length === 0 ? (
              <p className="text-sm text-zinc-400">No incident has used this version.</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {detail.incidents.map((incident) => (
                  <li key={`${incident.ref}-${incident.anchor}`}>
                    <Link
                      href={`/incidents/${incident.ref}`}
                      className="font-mono text-sky-300 hover:underline"
                    >
                      {incident.ref}
                    </Link>{" "}
                    {incident.title}
                    <span className="block text-xs text-zinc-400">{incident.sectionTitle}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}
