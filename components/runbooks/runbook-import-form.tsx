"use client";

import { useRouter } from "next/navigation";
import { type ChangeEvent, useState } from "react";
import { type ApiError, apiFetch, toApiError } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import type { RunbookPreview } from "@/lib/runbooks";
import { RunbookPreviewView } from "./runbook-preview-view";

type Source = { kind: "file"; file: File } | { kind: "paste"; text: string };
type ImportResponse = { document: { id: string }; version: { version: number }; isNew: boolean };

// The server validates (size, binary, UTF-8, empty) and parses: the browser sends the bytes as they are.
function requestInit(source: Source): RequestInit & { json?: unknown } {
  if (source.kind === "paste") return { method: "POST", json: { markdown: source.text } };
  const form = new FormData();
  form.set("file", source.file);
  return { method: "POST", body: form };
}

/** Upload or paste a Markdown runbook, see what was recognised, then save it as a new version. */
export function RunbookImportForm() {
  const router = useRouter();
  const [mode, setMode] = useState<"file" | "paste">("file");
  const [text, setText] = useState("");
  const [source, setSource] = useState<Source | null>(null);
  const [preview, setPreview] = useState<RunbookPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function runPreview(next: Source) {
    setSource(next);
    setPreview(null);
    setError(null);
    setIsBusy(true);
    try {
      const body = await apiFetch<{ preview: RunbookPreview }>("/api/runbooks/preview", requestInit(next));
      setPreview(body.preview);
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setIsBusy(false);
    }
  }

  async function save() {
    if (!source) return;
    setIsBusy(true);
    setError(null);
    try {
      const saved = await apiFetch<ImportResponse>("/api/runbooks", requestInit(source));
      router.push(
        `/runbooks/${saved.document.id}?version=${saved.version.version}&imported=${saved.isNew ? "new" : "unchanged"}`,
      );
    } catch (cause) {
      setError(toApiError(cause));
      setIsBusy(false);
    }
  }

  function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) void runPreview({ kind: "file", file });
  }

  return (
    <div className="space-y-4">
      <div role="tablist" aria-label="Import from" className="flex gap-2">
        {(["file", "paste"] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            aria-selected={mode === tab}
            onClick={() => setMode(tab)}
            className={`rounded px-3 py-1.5 text-sm ${mode === tab ? "bg-zinc-700 font-semibold" : "text-zinc-300 hover:bg-zinc-800"}`}
          >
            {tab === "file" ? "Upload a .md file" : "Paste Markdown"}
          </button>
        ))}
      </div>
      {mode === "file" ? (
        <label className="block text-sm">
          Markdown file (UTF-8, at most 2 MB)
          <input
            type="file"
            accept=".md,.markdown,.txt,text/markdown,text/plain"
            onChange={onFile}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border-0 file:bg-zinc-700 file:px-3 file:py-1.5 file:text-zinc-100"
          />
        </label>
      ) : (
        <div className="space-y-2">
          <label className="block text-sm">
            Runbook Markdown
            <textarea
              value={text}
              onChange={(event) => setText(event.target.value)}
              rows={12}
              className="mt-1 w-full rounded border border-zinc-700 bg-zinc-950 p-2 font-mono text-xs"
              placeholder="# Operational Runbooks…"
            />
          </label>
          <Button variant="secondary" disabled={isBusy} onClick={() => runPreview({ kind: "paste", text })}>
            Preview
          </Button>
        </div>
      )}
      {error ? (
        <p role="alert" className="rounded border border-red-700 bg-red-950 p-2 text-sm text-red-200">
          {error.message}
        </p>
      ) : null}
      {isBusy && !preview ? <p className="text-sm text-zinc-400">Reading the runbook…</p> : null}
      {preview ? (
        <>
          <RunbookPreviewView preview={preview} />
          <div className="flex gap-2">
            <Button onClick={save} disabled={isBusy}>
              Save runbook
            </Button>
            <Button variant="ghost" onClick={() => setPreview(null)} disabled={isBusy}>
              Discard
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
