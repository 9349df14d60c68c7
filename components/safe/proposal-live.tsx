"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { apiFetch } from "@/components/ui/api-client";
import { publishSigned } from "./live-signatures";

const OFFLINE_RECHECK_MS = 5_000;

/** Events that change what this page shows: its own proposal's, and what its execution recorded. */
function concernsProposal(event: { kind: string; payload: Record<string, unknown> }, proposalId: string) {
  if (event.payload.proposalId === proposalId) return true;
  return event.kind === "verification.recorded" && event.payload.source === `proposal:${proposalId}`;
}

/**
 * Keeps the proposal page current by events, not polling: the incident's SSE stream (fed by LISTEN/NOTIFY on
 * every instance) says when a signature, execution or verification of this proposal is recorded, and only
 * then is the page re-rendered (a read of the database; nothing is written). The chain is re-read on sign,
 * on execute, and when someone presses "Re-read the chain" — and, while the proposal holds work done with
 * the chain unreachable (signatures checked against cached owners, a deferred simulation), every few
 * seconds until the chain answers, so recovery needs no one to press anything.
 */
export function ProposalLive(props: {
  proposalId: string;
  safeId: string;
  incidentRef: string | null;
  /** Where the stream starts: the newest event when the page was read, and its transaction bound. */
  after: string;
  /** Unverified signatures or a deferred simulation: re-check them as soon as the chain answers. */
  hasOfflineWork?: boolean;
}) {
  const router = useRouter();
  // Only where the first connection starts: a re-render brings a newer bound, but a reconnect resumes by
  // itself (Last-Event-ID), so the stream must not be reopened for it.
  const [after] = useState(props.after);
  const [isLive, setIsLive] = useState(false);
  const [isReading, setIsReading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!props.incidentRef) return;
    const source = new EventSource(`/api/incidents/${props.incidentRef}/stream?after=${after}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    source.onopen = () => setIsLive(true);
    source.onerror = () => setIsLive(false);
    source.onmessage = (message) => {
      const event = JSON.parse(message.data) as {
        kind: string;
        createdAt?: string;
        payload?: Record<string, unknown>;
      };
      if (!event.payload || !concernsProposal({ kind: event.kind, payload: event.payload }, props.proposalId))
        return;
      // A signature shows at once, from the event itself; the re-render brings the rest (times, state).
      if (event.kind === "proposal.signed") {
        const { owner, count, threshold } = event.payload as {
          owner: string;
          count: number;
          threshold: number;
        };
        publishSigned(props.proposalId, {
          owner,
          count,
          threshold,
          at: event.createdAt ?? new Date().toISOString(),
        });
      }
      // A burst (signed + state changed, executed + verified, several owners at once) is one re-render.
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 250);
    };
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [after, props.incidentRef, props.proposalId, router]);

  useEffect(() => {
    if (!props.hasOfflineWork) return;
    let isCancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = async () => {
      const response = await fetch(`/api/safes/${props.safeId}/refresh`, { method: "POST" }).catch(
        () => null,
      );
      if (isCancelled) return;
      // The re-check writes its own timeline events, which the stream above turns into a re-render; a
      // refresh here also covers a proposal without an incident (no stream).
      if (response?.ok) router.refresh();
      else timer = setTimeout(attempt, OFFLINE_RECHECK_MS);
    };
    timer = setTimeout(attempt, OFFLINE_RECHECK_MS);
    return () => {
      isCancelled = true;
      clearTimeout(timer);
    };
  }, [props.hasOfflineWork, props.safeId, router]);

  async function reread() {
    setIsReading(true);
    setError(null);
    try {
      await apiFetch(`/api/safes/${props.safeId}/refresh`, { method: "POST" });
      router.refresh();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setIsReading(false);
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-xs">
      {props.incidentRef ? (
        <span
          data-testid="proposal-live"
          data-live={isLive}
          className={isLive ? "text-emerald-400" : "text-zinc-500"}
        >
          {isLive ? "● live" : "○ connecting…"}
        </span>
      ) : null}
      <button
        type="button"
        onClick={reread}
        disabled={isReading}
        className="rounded px-1 text-zinc-400 underline hover:text-zinc-200"
      >
        {isReading ? "Reading the chain…" : "Re-read the chain"}
      </button>
      {error ? (
        <span role="alert" className="text-red-300">
          {error}
        </span>
      ) : null}
    </span>
  );
}
