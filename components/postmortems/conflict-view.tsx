"use client";

import { useId, useState } from "react";
import { UtcTime } from "@/components/incidents/utc-time";
import { Button } from "@/components/ui/button";
import { CONFLICT_MARKERS, mergeTexts } from "@/lib/postmortems/browser";
import type { Conflict } from "./use-postmortem-autosave";

/**
 * Shown when someone else saved while this person was editing. Both texts are on screen, side by side;
 * the combined text starts as a three-way merge (edits to different parts are already combined; where
 * both changed the same lines, both versions sit between markers). Nothing is saved until a choice is made.
 */
export function ConflictView({
  conflict,
  onResolve,
}: {
  conflict: Conflict;
  onResolve: (choice: "theirs" | "save", body?: string) => void;
}) {
  const [merged] = useState(() => mergeTexts(conflict.base, conflict.mine, conflict.theirs.body));
  const [combined, setCombined] = useState(merged.text);
  const combinedId = useId();
  const hasMarkers = combined.includes(CONFLICT_MARKERS.mine) || combined.includes(CONFLICT_MARKERS.theirs);
  const pane =
    "h-72 w-full overflow-auto rounded border bg-zinc-950 p-2 font-mono text-xs whitespace-pre-wrap";
  return (
    <section
      role="alert"
      aria-labelledby="conflict-heading"
      className="space-y-3 rounded-lg border-2 border-amber-500 bg-zinc-900 p-4"
    >
      <h2 id="conflict-heading" className="text-lg font-semibold text-amber-300">
        Edit conflict: {conflict.theirs.savedBy} saved version {conflict.theirs.version} while you were
        editing
      </h2>
      <p className="text-sm text-zinc-300">
        Your text was <strong>not</strong> saved and theirs was not overwritten. Choose what to keep.
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-semibold">Your text (not saved)</h3>
          <pre data-testid="conflict-mine" className={`${pane} border-sky-700`}>
            {conflict.mine}
          </pre>
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold">
            Their text (version {conflict.theirs.version}, {conflict.theirs.savedBy},{" "}
            <UtcTime at={conflict.theirs.savedAt} />)
          </h3>
          <pre data-testid="conflict-theirs" className={`${pane} border-amber-700`}>
            {conflict.theirs.body}
          </pre>
        </div>
      </div>
      <div>
        <label htmlFor={combinedId} className="block text-sm font-semibold">
          Combined text
        </label>
        <textarea
          id={combinedId}
          value={combined}
          onChange={(event) => setCombined(event.target.value)}
          className="mt-1 h-72 w-full rounded border border-zinc-700 bg-zinc-950 p-2 font-mono text-xs"
        />
      </div>
      {hasMarkers ? (
        <p className="text-sm text-amber-300">
          Both of you changed the same lines: they are between <code>{CONFLICT_MARKERS.mine}</code> and{" "}
          <code>{CONFLICT_MARKERS.theirs}</code>. Edit the combined text to resolve them before saving it.
        </p>
      ) : (
        <p className="text-sm text-zinc-400">
          {merged.hasConflicts
            ? "Markers resolved."
            : "Your changes and theirs did not overlap: they are combined."}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => onResolve("save", combined)} disabled={hasMarkers}>
          Save combined text
        </Button>
        <Button variant="secondary" onClick={() => onResolve("save", conflict.mine)}>
          Keep mine
        </Button>
        <Button variant="secondary" onClick={() => onResolve("theirs")}>
          Take theirs
        </Button>
      </div>
      <p className="text-xs text-zinc-500">
        &ldquo;Keep mine&rdquo; saves your text as a new version; theirs stays in the revision list.
        &ldquo;Take theirs&rdquo; drops your unsaved edits — copy anything you need from the left first.
      </p>
    </section>
  );
}
