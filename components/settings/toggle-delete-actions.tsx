"use client";

import { apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";

/**
 * A settings row's two actions: switch it on or off (PATCH `{ isEnabled }`) and delete it (DELETE), both on
 * the row's URL, through the panel's `run` so errors and refreshes behave as for the rest of the panel.
 */
export function ToggleDeleteActions({
  url,
  isEnabled,
  labels,
  run,
}: {
  url: string;
  isEnabled: boolean;
  /** What the toggle says when the row is enabled, and when it is not. */
  labels: [whenEnabled: string, whenDisabled: string];
  run: (action: () => Promise<unknown>) => unknown;
}) {
  return (
    <span className="ml-auto flex justify-end gap-1">
      <Button
        variant="ghost"
        className="py-1 text-xs"
        onClick={() => run(() => apiFetch(url, { method: "PATCH", json: { isEnabled: !isEnabled } }))}
      >
        {isEnabled ? labels[0] : labels[1]}
      </Button>
      <Button
        variant="ghost"
        className="py-1 text-xs"
        onClick={() => run(() => apiFetch(url, { method: "DELETE" }))}
      >
        Delete
      </Button>
    </span>
  );
}
