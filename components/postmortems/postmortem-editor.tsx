"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { UtcTime } from "@/components/incidents/utc-time";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { ConflictView } from "./conflict-view";
import { MarkdownView } from "./markdown-view";
import { type SaveState, usePostMortemAutosave } from "./use-postmortem-autosave";

type Status = "draft" | "in_review" | "published";

const SAVE_LABEL: Record<SaveState, string> = {
  saved: "Saved",
  dirty: "Unsaved changes",
  saving: "Saving…",
  conflict: "Not saved: edit conflict",
  error: "Not saved",
};

export function PostMortemEditor(props: {
  incidentRef: string;
  initial: { body: string; version: number; savedAt: string | null };
  status: Status;
  canEdit: boolean;
  canPublish: boolean;
}) {
  const router = useRouter();
  const isEditable = props.canEdit && props.status !== "published";
  const editor = usePostMortemAutosave({
    incidentRef: props.incidentRef,
    initial: props.initial,
    isEditable,
    onSaved: () => router.refresh(),
  });
  const [statusError, setStatusError] = useState<string | null>(null);
  const [isChanging, setIsChanging] = useState(false);
  // By id, not by wrapping: a wrapping label would make the whole text part of the textarea's name.
  const textareaId = useId();

  async function changeStatus(status: Status) {
    setStatusError(null);
    setIsChanging(true);
    try {
      // The text on screen is what gets reviewed or published: save it first.
      if (isEditable && !(await editor.flush())) {
        setStatusError("Save the text first (see above).");
        return;
      }
      await apiFetch(`/api/incidents/${encodeURIComponent(props.incidentRef)}/postmortem/status`, {
        method: "POST",
        json: { status },
      });
      router.refresh();
    } catch (cause) {
      setStatusError(cause instanceof ApiError ? cause.message : String(cause));
    } finally {
      setIsChanging(false);
    }
  }

  const buttons: { label: string; to: Status; variant: "primary" | "secondary"; isShown: boolean }[] = [
    {
      label: "Submit for review",
      to: "in_review",
      variant: "primary",
      isShown: props.status === "draft" && props.canEdit,
    },
    {
      label: "Back to draft",
      to: "draft",
      variant: "secondary",
      isShown: props.status === "in_review" && props.canEdit,
    },
    {
      label: "Publish",
      to: "published",
      variant: "primary",
      isShown: props.status === "in_review" && props.canPublish,
    },
    {
      label: "Reopen for edits",
      to: "in_review",
      variant: "secondary",
      isShown: props.status === "published" && props.canPublish,
    },
  ];

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        {isEditable ? (
          <p
            aria-live="polite"
            data-testid="save-state"
            className={`text-sm ${editor.state === "saved" ? "text-emerald-400" : editor.state === "saving" || editor.state === "dirty" ? "text-zinc-300" : "font-semibold text-red-400"}`}
          >
            {SAVE_LABEL[editor.state]}
            {editor.state === "saved" ? ` · version ${editor.saved.version}` : ""}
            {editor.state === "saved" && editor.saved.savedAt ? (
              <>
                {" "}
                at <UtcTime at={editor.saved.savedAt} />
              </>
            ) : null}
          </p>
        ) : null}
        {isEditable && (editor.state === "dirty" || editor.state === "error") ? (
          <Button variant="secondary" onClick={() => void editor.flush()}>
            Save now
          </Button>
        ) : null}
        <div className="ml-auto flex flex-wrap gap-2">
          {buttons
            .filter((button) => button.isShown)
            .map((button) => (
              <Button
                key={button.label}
                variant={button.variant}
                disabled={isChanging || editor.state === "conflict"}
                onClick={() => void changeStatus(button.to)}
              >
                {button.label}
              </Button>
            ))}
        </div>
      </div>
      {editor.error ? (
        <p role="alert" className="text-sm text-red-400">
          {editor.error}
        </p>
      ) : null}
      {statusError ? (
        <p role="alert" className="text-sm text-red-400">
          {statusError}
        </p>
      ) : null}
      {editor.conflict ? (
        <ConflictView conflict={editor.conflict} onResolve={editor.resolveConflict} />
      ) : null}
      {isEditable && !editor.conflict ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <div>
            <label htmlFor={textareaId} className="block text-sm font-semibold">
              Post-mortem (Markdown)
            </label>
            <textarea
              id={textareaId}
              value={editor.text}
              onChange={(event) => editor.edit(event.target.value)}
              spellCheck
              className="mt-1 h-[70vh] w-full resize-y rounded border border-zinc-700 bg-zinc-950 p-3 font-mono text-sm leading-relaxed"
            />
          </div>
          <div className="min-w-0">
            <p className="text-sm font-semibold">Preview</p>
            <div className="mt-1 h-[70vh] overflow-auto rounded border border-zinc-800 bg-zinc-900 p-4">
              <MarkdownView markdown={editor.text} label="Preview" />
            </div>
          </div>
        </div>
      ) : null}
      {!isEditable ? (
        <div className="rounded border border-zinc-800 bg-zinc-900 p-4">
          <MarkdownView markdown={editor.text} label="Post-mortem" />
        </div>
      ) : null}
    </div>
  );
}
