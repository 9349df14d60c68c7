"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * Refreshes the server-rendered page when the incident list's stream reports a lifecycle event anywhere
 * (any app instance: the stream is fed by LISTEN/NOTIFY). `ready` also refreshes, so nothing declared
 * between the render and the subscription is missed.
 */
export function IncidentListLiveRefresh() {
  const router = useRouter();
  const [isLive, setIsLive] = useState(false);
  useEffect(() => {
    const source = new EventSource("/api/incidents/stream");
    let timer: ReturnType<typeof setTimeout> | undefined;
    source.onerror = () => setIsLive(false);
    source.onmessage = (message) => {
      if ((JSON.parse(message.data) as { kind?: string }).kind === "ready") setIsLive(true);
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 100);
    };
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [router]);
  return (
    <span
      data-testid="list-live"
      data-live={isLive}
      className={`text-xs ${isLive ? "text-emerald-400" : "text-zinc-500"}`}
    >
      {isLive ? "● live" : "○ connecting…"}
    </span>
  );
}
