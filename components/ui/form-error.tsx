import type { ApiError } from "./api-client";

/** A form's error that names no field (those are shown under their field), announced to screen readers. */
export function FormError({ error }: { error: ApiError | null }) {
  if (!error || error.fields.length > 0) return null;
  return (
    <p role="alert" className="text-sm text-red-400">
      {error.message}
    </p>
  );
}
