"use client";

import { useState } from "react";
import { apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";

/**
 * "Check now": the recheck the minute loop runs, recorded (a kit leaving ARMED notifies its owners once),
 * for a responder who has just seen something change on chain.
 */
export function RecheckKitsButton() {
  const { error, run } = useApiAction();
  const [isBusy, setIsBusy] = useState(false);
  return (
    <div className="flex items-center gap-2">
      <Button
        disabled={isBusy}
        onClick={async () => {
          setIsBusy(true);
          await run(() => apiFetch("/api/kits/recheck", { method: "POST" }));
          setIsBusy(false);
        }}
      >
        {isBusy ? "Checking…" : "Check now"}
      </Button>
      <FormError error={error} />
    </div>
  );
}
