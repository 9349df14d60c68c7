"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { type ApiError, toApiError } from "./api-client";

/**
 * Runs an API call from a settings-style panel: clears the last error, refreshes the server-rendered data
 * on success, keeps the ApiError (with its field messages) on failure.
 */
export function useApiAction() {
  const router = useRouter();
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setError(null);
      try {
        await action();
        router.refresh();
      } catch (cause) {
        setError(toApiError(cause));
      }
    },
    [router],
  );
  return { error, setError, run };
}
