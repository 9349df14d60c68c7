"use client";

import { useState } from "react";
import { apiFetch, toApiError } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";

/** The page link's one action: a POST with the link's token (a GET would let link scanners acknowledge). */
export function AcknowledgePageButton({ token, isOpen }: { token: string; isOpen: boolean }) {
  const [state, setState] = useState<"idle" | "sending" | "done" | string>(isOpen ? "idle" : "done");
  async function acknowledge() {
    setState("sending");
    try {
      await apiFetch("/api/paging/ack", { method: "POST", json: { token } });
      setState("done");
    } catch (cause) {
      setState(toApiError(cause).message);
    }
  }
  if (state === "done")
    return (
      <p role="status" className="text-emerald-400">
        Acknowledged. Paging has stopped.
      </p>
    );
  return (
    <div className="space-y-2">
      <Button onClick={acknowledge} disabled={state === "sending"}>
        Acknowledge
      </Button>
      {state !== "idle" && state !== "sending" ? (
        <p role="alert" className="text-sm text-red-400">
          {state}
        </p>
      ) : null}
    </div>
  );
}
