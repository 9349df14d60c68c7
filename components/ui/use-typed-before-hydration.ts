"use client";

import { useEffect, useState } from "react";

const read = new Set<string>();

/**
 * A responder who starts typing as soon as the page shows types into the server's HTML. When React hydrates
 * a textarea whose server text equals its client value, it writes that text back into the field (React's
 * initTextarea), so the words vanish; in other fields they stay on screen while React's state holds the
 * server's value, and a submit sends that.
 * The state initializer runs before React reaches the field, so it can still read the words; they are handed
 * to `adopt` after hydration, so the hydration render matches the server's HTML. Each field id is read once,
 * at its first render in this tab; a later client navigation reads nothing.
 */
export function useTypedBeforeHydration(id: string, adopt: (value: string) => void): void {
  const [typed] = useState(() => readField(id));
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, right after hydration; later typing goes through onChange.
  useEffect(() => {
    if (typed !== null) adopt(typed);
  }, [typed]);
}

function readField(id: string): string | null {
  if (typeof document === "undefined" || read.has(id)) return null;
  read.add(id);
  const field = document.getElementById(id);
  if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) return null;
  return field.value !== field.defaultValue ? field.value : null;
}
