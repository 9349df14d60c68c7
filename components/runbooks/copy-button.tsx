"use client";

import { useState } from "react";

/** Copies a command to the clipboard; says so for a moment. */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [isCopied, setIsCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setIsCopied(true);
      setTimeout(() => setIsCopied(false), 1500);
    } catch {
      // Clipboard access can be refused (insecure origin, permissions): the command stays selectable.
      setIsCopied(false);
    }
  }
  return (
    <button
      type="button"
      onClick={copy}
      className="rounded border border-zinc-700 px-2 py-0.5 text-xs text-zinc-200 hover:bg-zinc-800"
    >
      {isCopied ? "Copied" : label}
    </button>
  );
}
