import type { Metadata } from "next";
import Link from "next/link";
import { UtcTime } from "@/components/incidents/utc-time";
import { ActionItemsPanel } from "@/components/postmortems/action-items-panel";
import { DueCountdown } from "@/components/postmortems/due-countdown";
import { toActionItemRow } from "@/components/postmortems/to-action-item-row";
import { hasRole, requirePageMember } from "@/lib/auth";
import {
  ACTION_ITEM_STATUSES,
  listActionItemOptions,
  listActionItems,
  listOverdueActionItems,
  listOverduePostMortems,
  listPostMortems,
  type PostMortemListItem,
} from "@/lib/postmortems";

export const metadata: Metadata = { title: "Post-mortems" };

const STATUS_LABEL = { draft: "Draft", in_review: "In review", published: "Published" } as const;
const ITEM_STATUS_LABEL: Record<string, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  wont_do: "Won't do",
};

function PostMortemTable({ rows, now, label }: { rows: PostMortemListItem[]; now: Date; label: string }) {
  return (
    <div className="overflow-x-auto">
      <table aria-label={label} className="w-full text-left text-sm">
        <thead className="text-zinc-400">
          <tr>
            <th className="py-1 pr-3 font-medium">Incident</th>
            <th className="py-1 pr-3 font-medium">Severity</th>
            <th className="py-1 pr-3 font-medium">Status</th>
            <th className="py-1 font-medium">Due</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-zinc-800">
              <td className="py-2 pr-3">
                <Link className="underline" href={`/incidents/${row.incidentRef}/postmortem`}>
                  {row.incidentRef}
                </Link>{" "}
                {row.incidentTitle}
              </td>
              <td className="py-2 pr-3">{row.severityName}</td>
              <td className="py-2 pr-3">{STATUS_LABEL[row.status]}</td>
              <td className="py-2">
                <UtcTime at={row.dueAt} withDate /> (
                <DueCountdown
                  dueAt={row.dueAt.toISOString()}
                  isFinished={row.status === "published"}
                  renderedAt={now.toISOString()}
                />
                )
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function PostmortemsPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; owner?: string }>;
}) {
  const actor = await requirePageMember("viewer");
  const filter = await searchParams;
  const now = new Date();
  const [overdue, overdueItems, all, items, options] = await Promise.all([
    listOverduePostMortems(now),
    listOverdueActionItems(now),
    listPostMortems(),
    listActionItems({ status: filter.status || undefined, ownerId: filter.owner || undefined }, now),
    listActionItemOptions(),
  ]);
  const select = "mt-1 block rounded border border-zinc-700 bg-zinc-900 px-2 py-1.5";
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Post-mortems</h1>
      <section aria-labelledby="overdue-heading" className="space-y-2">
        <h2 id="overdue-heading" className="text-lg font-semibold text-red-400">
          Overdue post-mortems ({overdue.length})
        </h2>
        {overdue.length === 0 ? (
          <p className="text-sm text-zinc-400">None: every resolved incident's review is on time.</p>
        ) : (
          <PostMortemTable rows={overdue} now={now} label="Overdue post-mortems" />
        )}
      </section>
      <section aria-labelledby="overdue-items-heading" className="space-y-2">
        <h2 id="overdue-items-heading" className="text-lg font-semibold text-red-400">
          Overdue action items ({overdueItems.length})
        </h2>
        {overdueItems.length === 0 ? (
          <p className="text-sm text-zinc-400">None.</p>
        ) : (
          <ul className="space-y-1 text-sm" aria-label="Overdue action items">
            {overdueItems.map((item) => (
              <li key={item.id}>
                <Link className="underline" href={`/incidents/${item.incidentRef}/postmortem`}>
                  {item.incidentRef}
                </Link>{" "}
                {item.title} · {item.ownerName ?? "unassigned"} · due {item.dueAt?.toISOString().slice(0, 10)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="all-heading" className="space-y-2">
        <h2 id="all-heading" className="text-lg font-semibold">
          All post-mortems
        </h2>
        {all.length === 0 ? (
          <p className="text-sm text-zinc-400">Drafts are created when an incident is resolved.</p>
        ) : (
          <PostMortemTable rows={all} now={now} label="All post-mortems" />
        )}
      </section>
      <section aria-labelledby="items-heading" className="space-y-3">
        <h2 id="items-heading" className="text-lg font-semibold">
          Action items across incidents
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
          <div>
            <label htmlFor="filter-status">Status</label>
            <select id="filter-status" name="status" defaultValue={filter.status ?? ""} className={select}>
              <option value="">Any</option>
              {ACTION_ITEM_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {ITEM_STATUS_LABEL[status]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-owner">Owner</label>
            <select id="filter-owner" name="owner" defaultValue={filter.owner ?? ""} className={select}>
              <option value="">Anyone</option>
              {options.members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-md bg-zinc-800 px-3 py-2 font-semibold hover:bg-zinc-700">
            Filter
          </button>
        </form>
        <p className="text-xs text-zinc-400">Overdue items first, then by due date.</p>
        <ActionItemsPanel
          items={items.map(toActionItemRow)}
          members={options.members}
          runbooks={options.runbooks}
          canEdit={hasRole(actor.role, "responder")}
          showIncident
        />
      </section>
    </div>
  );
}
