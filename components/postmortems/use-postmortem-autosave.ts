"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { CurrentPostMortemText } from "@/lib/postmortems";

/** Saves after this much typing idle time. */
export const AUTOSAVE_IDLE_MS = 2000;

export type SaveState = "saved" | "dirty" | "saving" | "conflict" | "error";

export type Conflict = { mine: string; base: string; theirs: CurrentPostMortemText };

type Saved = { version: number; body: string; savedAt: string | null };

/**
 * The editor's save loop. Each save names the version its text was edited from; a 409 stops autosaving
 * and hands both texts to the conflict view (nothing is overwritten on either side). After a successful
 * save, typing that happened during the request is saved in the next round.
 */
export function usePostMortemAutosave(options: {
  incidentRef: string;
  initial: Saved;
  isEditable: boolean;
  onSaved?: () => void;
}) {
  const [text, setText] = useState(options.initial.body);
  const [saved, setSaved] = useState<Saved>(options.initial);
  const [state, setState] = useState<SaveState>("saved");
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const latest = useRef({ text, saved, conflict });
  latest.current = { text, saved, conflict };
  // Kept in a ref: a new callback each render must not restart the idle timer (it depends on `save`).
  const onSavedRef = useRef(options.onSaved);
  onSavedRef.current = options.onSaved;
  const { incidentRef } = options;

  const save = useCallback(
    async (body: string, baseVersion: number, base: string): Promise<boolean> => {
      inFlight.current = true;
      setState("saving");
      try {
        const response = await fetch(`/api/incidents/${encodeURIComponent(incidentRef)}/postmortem`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ body, baseVersion }),
        });
        const answer = (await response.json().catch(() => null)) as {
          version?: number;
          savedAt?: string;
          current?: CurrentPostMortemText;
          error?: { message?: string };
        } | null;
        if (response.status === 409 && answer?.current) {
          setConflict({ mine: body, base, theirs: answer.current });
          setState("conflict");
          return false;
        }
        if (!response.ok || typeof answer?.version !== "number") {
          setError(answer?.error?.message ?? `Saving failed (${response.status}).`);
          setState("error");
          return false;
        }
        setSaved({ version: answer.version, body, savedAt: answer.savedAt ?? null });
        setError(null);
        setState(latest.current.text === body ? "saved" : "dirty");
        onSavedRef.current?.();
        return true;
      } catch (cause) {
        setError(`Saving failed: ${(cause as Error).message}. Your text is still here; it will be retried.`);
        setState("error");
        return false;
      } finally {
        inFlight.current = false;
      }
    },
    [incidentRef],
  );

  const flush = useCallback(async (): Promise<boolean> => {
    const current = latest.current;
    if (current.conflict || inFlight.current) return false;
    if (current.text === current.saved.body) return true;
    return save(current.text, current.saved.version, current.saved.body);
  }, [save]);

  // Debounced autosave: every change restarts the idle timer. A failed save is not retried in a loop: the
  // error is shown and the next change (or a successful save of typing done meanwhile) tries again.
  useEffect(() => {
    if (!options.isEditable || conflict || text === saved.body) return;
    const timer = setTimeout(() => void flush(), AUTOSAVE_IDLE_MS);
    return () => clearTimeout(timer);
  }, [text, saved.body, conflict, options.isEditable, flush]);

  const edit = useCallback((value: string) => {
    setText(value);
    if (!latest.current.conflict) setState((previous) => (previous === "saving" ? previous : "dirty"));
  }, []);

  // Leaving with unsaved text asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current.text !== latest.current.saved.body) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  /** Ends a conflict: theirs is adopted as is, or `body` (mine or a combination) is saved on top of theirs. */
  const resolveConflict = useCallback(
    async (choice: "theirs" | "save", body?: string) => {
      const current = latest.current.conflict;
      if (!current) return;
      const theirs: Saved = {
        version: current.theirs.version,
        body: current.theirs.body,
        savedAt: current.theirs.savedAt,
      };
      setConflict(null);
      setSaved(theirs);
      if (choice === "theirs") {
        setText(theirs.body);
        setState("saved");
        onSavedRef.current?.();
        return;
      }
      const next = body ?? current.mine;
      setText(next);
      await save(next, theirs.version, theirs.body);
    },
    [save],
  );

  return { text, edit, saved, state, conflict, error, flush, resolveConflict };
}
