import type { ApiError } from "./api-client";

/**
 * The server's message for one form field, shown under it. `label` names the field when the message alone
 * ("must be at most 80 characters") would not say which one.
 */
export function FieldError({ error, path, label }: { error: ApiError | null; path: string; label?: string }) {
  const message = error?.fieldMessage(path);
  if (!message) return null;
  return <span className="text-xs text-red-400">{label ? `${label} ${message}` : message}</span>;
}

/** A text input or select in a settings-style form. */
export const INPUT_CLASS = "mt-1 w-full rounded border border-zinc-700 bg-zinc-900 px-2 py-1";

/** A form's error that names no field (those are shown under their field), announced to screen readers. */
export function FormError({ error }: { error: ApiError | null }) {
  if (!error || error.fields.length > 0) return null;
  return (
    <p role="alert" className="text-sm text-red-400">
      {error.message}
    </p>
  );
}
