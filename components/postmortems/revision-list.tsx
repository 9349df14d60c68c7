import { UtcTime } from "@/components/incidents/utc-time";
import type { PostMortemRevisionView } from "@/lib/postmortems";

/** Every save, newest first, with who and when; each can be opened to read or copy that version. */
export function RevisionList({ revisions }: { revisions: PostMortemRevisionView[] }) {
  return (
    <ol aria-label="Revisions" className="divide-y divide-zinc-800 rounded border border-zinc-800 text-sm">
      {revisions.map((revision) => (
        <li key={revision.id} data-testid="revision" className="p-2">
          <details>
            <summary className="cursor-pointer">
              Version {revision.version} · {revision.authorName} ·{" "}
              <UtcTime at={revision.createdAt} withDate />
            </summary>
            <pre className="mt-2 max-h-80 overflow-auto rounded bg-zinc-950 p-2 font-mono text-xs whitespace-pre-wrap">
              {revision.body}
            </pre>
          </details>
        </li>
      ))}
    </ol>
  );
}
