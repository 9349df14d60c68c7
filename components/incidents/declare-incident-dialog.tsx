"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { ApiError, apiFetch, toApiError } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

type Level = { name: string; definition: string; color: string };
export const OPEN_DECLARE_EVENT = "breakglass:declare-incident";

/** Typing in a field must never open the dialog. */
function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return (
    !!element && (element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName))
  );
}

const FIELD = "mt-1 w-full rounded border border-zinc-700 bg-zinc-900 px-2 py-1.5";

/**
 * Declare an incident from anywhere: press D (or the button), fill title and severity, Enter. One
 * idempotency key per opened form, so a double click or a retried request declares once.
 */
export function DeclareIncidentDialog({
  canDeclare,
  initialLevels = [],
}: {
  canDeclare: boolean;
  /** The scheme as the layout read it, so the options are there the moment the dialog opens. */
  initialLevels?: Level[];
}) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [levels, setLevels] = useState<Level[]>(initialLevels);
  const [key, setKey] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const open = useCallback(() => {
    if (!canDeclare) return;
    setKey(crypto.randomUUID());
    setError(null);
    dialog.current?.showModal();
    apiFetch<{ levels: Level[] }>("/api/settings/severity").then(
      (body) => setLevels(body.levels),
      (cause) => setError(toApiError(cause)),
    );
  }, [canDeclare]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== "d" || event.metaKey || event.ctrlKey || event.altKey) return;
      if (isTyping(event.target) || dialog.current?.open) return;
      event.preventDefault();
      open();
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener(OPEN_DECLARE_EVENT, open);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener(OPEN_DECLARE_EVENT, open);
    };
  }, [open]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!form.get("severity")) {
      setError(new ApiError("Choose a severity.", 422, [{ path: "severity", message: "choose a severity" }]));
      return;
    }
    setIsSaving(true);
    setError(null);
    try {
      const { incident } = await apiFetch<{ incident: { ref: string } }>("/api/incidents", {
        method: "POST",
        json: {
          title: form.get("title"),
          severity: form.get("severity"),
          impact: form.get("impact"),
          detectedVia: form.get("detectedVia"),
          affectedContracts: String(form.get("affectedContracts") ?? "")
            .split(",")
            .map((name) => name.trim())
            .filter(Boolean),
          idempotencyKey: key,
        },
      });
      dialog.current?.close();
      (event.target as HTMLFormElement).reset();
      router.push(`/incidents/${incident.ref}`);
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setIsSaving(false);
    }
  }

  const fieldError = (path: string) =>
    error?.fieldMessage(path) ? (
      <span className="text-xs text-red-400">{error.fieldMessage(path)}</span>
    ) : null;

  if (!canDeclare) return null;
  return (
    <dialog
      ref={dialog}
      aria-labelledby="declare-heading"
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-zinc-700 bg-zinc-950 p-0 text-zinc-100 backdrop:bg-black/70"
    >
      <form onSubmit={submit} className="space-y-3 p-4" noValidate>
        <h2 id="declare-heading" className="text-lg font-semibold">
          Declare an incident
        </h2>
        <label className="block text-sm">
          Title
          <input name="title" required autoFocus className={FIELD} placeholder="What is happening?" />
          {fieldError("title")}
        </label>
        <label className="block text-sm">
          Severity
          <select name="severity" required className={FIELD} defaultValue="">
            <option value="" disabled>
              Choose…
            </option>
            {levels.map((level) => (
              <option key={level.name} value={level.name}>
                {level.name} — {level.definition}
              </option>
            ))}
          </select>
          {fieldError("severity")}
        </label>
        <label className="block text-sm">
          Impact <span className="text-zinc-500">(optional)</span>
          <textarea name="impact" rows={2} className={FIELD} placeholder="What users experience" />
          {fieldError("impact")}
        </label>
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="block text-sm">
            Detected via
            <select name="detectedVia" className={FIELD} defaultValue="alert">
              <option value="alert">Alert</option>
              <option value="user_report">User report</option>
              <option value="monitor">Monitor</option>
              <option value="other">Other</option>
            </select>
          </label>
          <label className="block text-sm">
            Affected contracts <span className="text-zinc-500">(comma-separated)</span>
            <input name="affectedContracts" className={FIELD} placeholder="BLEBridgeV9, PriceOracle" />
            {fieldError("affectedContracts")}
          </label>
        </div>
        <FormError error={error} />
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          {/* Not disabled while saving: the idempotency key, not the button, makes a double submit safe. */}
          <Button type="submit" variant="danger">
            {isSaving ? "Declaring…" : "Declare"}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
