"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { type ApiError, apiFetch, toApiError } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";

export type SeverityRow = {
  name: string;
  definition: string;
  examples: string;
  responseTargetSeconds: number;
  updateCadenceSeconds: number;
  postmortemDueSeconds: number;
  color: string;
};

const FIELD = "w-full rounded border border-zinc-700 bg-zinc-900 px-2 py-1 text-sm disabled:opacity-70";
const PRESETS = ["P1-P4", "SEV1-SEV4", "P0-P3"] as const;

/**
 * Edits the whole scheme (most severe first) and saves it at once. Times are entered in minutes and stored
 * in seconds. Incidents keep the level they were declared with, so editing here never rewrites history.
 */
export function SeverityEditor({ levels, isAdmin }: { levels: SeverityRow[]; isAdmin: boolean }) {
  const router = useRouter();
  const [rows, setRows] = useState(levels);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const update = (index: number, patch: Partial<SeverityRow>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  async function run(action: () => Promise<{ levels: SeverityRow[] }>, done: string) {
    setError(null);
    setMessage(null);
    try {
      const { levels: saved } = await action();
      setRows(saved);
      setMessage(done);
      router.refresh();
    } catch (cause) {
      setError(toApiError(cause));
    }
  }

  const save = () =>
    run(() => apiFetch("/api/settings/severity", { method: "PUT", json: { levels: rows } }), "Scheme saved.");
  const applyPreset = (preset: string) => {
    if (!window.confirm(`Replace the scheme with ${preset}? Existing incidents keep their levels.`)) return;
    void run(
      () => apiFetch("/api/settings/severity/preset", { method: "POST", json: { preset } }),
      `${preset} applied.`,
    );
  };
  const fieldError = (index: number, field: string) => {
    const text = error?.fieldMessage(`levels.${index}.${field}`);
    return text ? <span className="text-xs text-red-400">{text}</span> : null;
  };
  const minutes = (seconds: number) => Math.round(seconds / 60);

  return (
    <div className="space-y-4">
      {isAdmin ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-zinc-400">Apply a preset:</span>
          {PRESETS.map((preset) => (
            <Button key={preset} variant="secondary" onClick={() => applyPreset(preset)}>
              {preset}
            </Button>
          ))}
        </div>
      ) : null}
      <ol className="space-y-3">
        {rows.map((row, index) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: a level has no identity while its name is edited; the position is it.
            key={index}
            className="grid gap-2 rounded-md border border-zinc-800 p-3 md:grid-cols-6"
            data-testid="severity-level"
          >
            <label className="text-xs text-zinc-400">
              Name
              <input
                className={FIELD}
                value={row.name}
                disabled={!isAdmin}
                onChange={(e) => update(index, { name: e.target.value })}
              />
              {fieldError(index, "name")}
            </label>
            <label className="text-xs text-zinc-400 md:col-span-2">
              Definition
              <input
                className={FIELD}
                value={row.definition}
                disabled={!isAdmin}
                onChange={(e) => update(index, { definition: e.target.value })}
              />
            </label>
            <label className="text-xs text-zinc-400">
              Response target (min)
              <input
                type="number"
                min={1}
                className={FIELD}
                value={minutes(row.responseTargetSeconds)}
                disabled={!isAdmin}
                onChange={(e) => update(index, { responseTargetSeconds: Number(e.target.value) * 60 })}
              />
              {fieldError(index, "responseTargetSeconds")}
            </label>
            <label className="text-xs text-zinc-400">
              Update cadence (min)
              <input
                type="number"
                min={1}
                className={FIELD}
                value={minutes(row.updateCadenceSeconds)}
                disabled={!isAdmin}
                onChange={(e) => update(index, { updateCadenceSeconds: Number(e.target.value) * 60 })}
              />
              {fieldError(index, "updateCadenceSeconds")}
            </label>
            <label className="text-xs text-zinc-400">
              Colour
              <input
                type="color"
                className="block h-8 w-full rounded border border-zinc-700 bg-zinc-900"
                value={row.color}
                disabled={!isAdmin}
                onChange={(e) => update(index, { color: e.target.value })}
              />
            </label>
            <label className="text-xs text-zinc-400 md:col-span-5">
              Examples
              <input
                className={FIELD}
                value={row.examples}
                disabled={!isAdmin}
                onChange={(e) => update(index, { examples: e.target.value })}
              />
            </label>
            {isAdmin ? (
              <div className="flex items-end">
                <Button
                  variant="ghost"
                  onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
                >
                  Remove
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {isAdmin ? (
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            onClick={() =>
              setRows((current) => [
                ...current,
                {
                  name: `P${current.length + 1}`,
                  definition: "",
                  examples: "",
                  responseTargetSeconds: 3600,
                  updateCadenceSeconds: 1800,
                  postmortemDueSeconds: 172_800,
                  color: "#2563eb",
                },
              ])
            }
          >
            Add level
          </Button>
          <Button onClick={save}>Save scheme</Button>
        </div>
      ) : null}
      {error && !error.fields.some((field) => /^levels\.\d+\./.test(field.path)) ? (
        <p role="alert" className="text-sm text-red-400">
          {error.message}
        </p>
      ) : null}
      {message ? (
        <p role="status" className="text-sm text-emerald-400">
          {message}
        </p>
      ) : null}
    </div>
  );
}
