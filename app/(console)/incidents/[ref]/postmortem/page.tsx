import type { Metadata } from "next";
import Link from "next/link";
import { UtcTime } from "@/components/incidents/utc-time";
import { ActionItemsPanel } from "@/components/postmortems/action-items-panel";
import { DueCountdown } from "@/components/postmortems/due-countdown";
import { PostMortemEditor } from "@/components/postmortems/postmortem-editor";
import { RevisionList } from "@/components/postmortems/revision-list";
import { toActionItemRow } from "@/components/postmortems/to-action-item-row";
import { hasRole, requirePageMember } from "@/lib/auth";
import { formatIncidentRef, getIncidentByRef } from "@/lib/incidents";
import { getPostMortem, listActionItemOptions, listActionItems } from "@/lib/postmortems";

export const metadata: Metadata = { title: "Post-mortem" };

const STATUS_LABEL = { draft: "Draft", in_review: "In review", published: "Published" } as const;

export default async function PostMortemPage({ params }: { params: Promise<{ ref: string }> }) {
  const actor = await requirePageMember("viewer");
  const incident = await getIncidentByRef((await params).ref);
  const ref = formatIncidentRef(incident.number);
  const postMortem = await getPostMortem(incident.id);
  const now = new Date();
  if (!postMortem) {
    return (
      <section className="space-y-2">
        <h1 className="text-2xl font-semibold">Post-mortem: {ref}</h1>
        <p className="text-zinc-400">
          No post-mortem yet: it is drafted from the timeline when the incident is resolved.{" "}
          <Link className="underline" href={`/incidents/${ref}`}>
            Back to {ref}
          </Link>
        </p>
      </section>
    );
  }
  const [items, options] = await Promise.all([
    listActionItems({ incidentId: incident.id }, now),
    listActionItemOptions(),
  ]);
  const canEdit = hasRole(actor.role, "responder");
  const canPublish = hasRole(actor.role, "commander") && actor.kind === "member";
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-zinc-400">
          <Link className="underline" href={`/incidents/${ref}`}>
            {ref}
          </Link>{" "}
          · {incident.severityName} · resolved{" "}
          {incident.resolvedAt ? <UtcTime at={incident.resolvedAt} withDate /> : "—"}
        </p>
        <h1 className="text-2xl font-semibold">Post-mortem: {incident.title}</h1>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span
            data-testid="postmortem-status"
            className="rounded bg-zinc-800 px-2 py-0.5 font-semibold uppercase tracking-wide"
          >
            {STATUS_LABEL[postMortem.status]}
          </span>
          <span>
            Due <UtcTime at={postMortem.dueAt} withDate /> (
            <DueCountdown
              dueAt={postMortem.dueAt.toISOString()}
              isFinished={postMortem.status === "published"}
              renderedAt={now.toISOString()}
            />
            )
          </span>
          {postMortem.status === "published" && postMortem.publishedAt ? (
            <span data-testid="postmortem-approval">
              Approved by {postMortem.approvedByName} · published{" "}
              <UtcTime at={postMortem.publishedAt} withDate />
            </span>
          ) : null}
          <span className="ml-auto flex gap-3">
            <a className="underline" href={`/api/incidents/${ref}/postmortem/export.md`} download>
              Download Markdown
            </a>
            <Link className="underline" href={`/incidents/${ref}/postmortem/print`}>
              Print view
            </Link>
          </span>
        </div>
      </header>
      <PostMortemEditor
        incidentRef={ref}
        initial={{
          body: postMortem.body,
          version: postMortem.version,
          savedAt: postMortem.revisions[0]?.createdAt.toISOString() ?? null,
        }}
        status={postMortem.status}
        canEdit={canEdit}
        canPublish={canPublish}
      />
      <section aria-labelledby="action-items-heading" className="space-y-2">
        <h2 id="action-items-heading" className="text-lg font-semibold">
          Action items
        </h2>
        <ActionItemsPanel
          items={items.map(toActionItemRow)}
          members={options.members}
          runbooks={options.runbooks}
          canEdit={canEdit}
          incidentRef={ref}
        />
      </section>
      <section aria-labelledby="revisions-heading" className="space-y-2">
        <h2 id="revisions-heading" className="text-lg font-semibold">
          Revisions
        </h2>
        {postMortem.revisionCount > postMortem.revisions.length ? (
          <p className="text-xs text-zinc-400">
            The latest {postMortem.revisions.length} of {postMortem.revisionCount} revisions.
          </p>
        ) : null}
        <RevisionList revisions={postMortem.revisions} />
      </section>
    </div>
  );
}
