"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { INCIDENT_ROLE_LABELS } from "@/lib/timeline/browser";
import { ResolvePanel } from "./resolve-panel";

const SELECT = "rounded border border-zinc-700 bg-zinc-900 px-2 py-1.5 text-sm";
type Member = { id: string; name: string; role: string };

/** Lifecycle moves and role assignment. The server checks every role; the buttons only reflect them. */
export function IncidentControls(props: {
  incidentRef: string;
  status: string;
  phase: string;
  /** The workflow's phases, from the server: importing lib/incidents/schemas here would ship zod to the page. */
  phases: readonly string[];
  isAcknowledged: boolean;
  isContained: boolean;
  isResolved: boolean;
  canRespond: boolean;
  canCommand: boolean;
  roles: { commander: string | null; comms_lead: string | null; scribe: string | null };
  members: Member[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [isResolving, setIsResolving] = useState(false);

  async function send(path: "transition" | "roles", json: Record<string, unknown>) {
    setIsBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/incidents/${props.incidentRef}/${path}`, { method: "POST", json });
      router.refresh();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {!props.isAcknowledged && props.canRespond ? (
          <Button
            variant="danger"
            disabled={isBusy}
            onClick={() => send("transition", { action: "acknowledge" })}
          >
            Acknowledge
          </Button>
        ) : null}
        {!props.isResolved && props.canCommand ? (
          <label className="text-sm text-zinc-400">
            Status{" "}
            <select
              aria-label="Status"
              value={props.status}
              disabled={isBusy}
              onChange={(event) => send("transition", { action: "set_status", status: event.target.value })}
              className={SELECT}
            >
              <option value="investigating">Investigating</option>
              <option value="mitigating">Mitigating</option>
              <option value="monitoring">Monitoring</option>
            </select>
          </label>
        ) : null}
        {props.canRespond ? (
          <label className="text-sm text-zinc-400">
            Phase{" "}
            <select
              aria-label="Phase"
              value={props.phase}
              disabled={isBusy}
              onChange={(event) => send("transition", { action: "set_phase", phase: event.target.value })}
              className={SELECT}
            >
              {props.phases.map((phase) => (
                <option key={phase} value={phase}>
                  {phase.toUpperCase()}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {props.canCommand && !props.isContained && !props.isResolved ? (
          <Button
            variant="secondary"
            disabled={isBusy}
            onClick={() => send("transition", { action: "contain" })}
          >
            Mark contained
          </Button>
        ) : null}
        {props.canCommand && !props.isResolved ? (
          <Button variant="secondary" disabled={isBusy || isResolving} onClick={() => setIsResolving(true)}>
            Resolve…
          </Button>
        ) : null}
        {props.canCommand && props.isResolved ? (
          <Button
            variant="secondary"
            disabled={isBusy}
            onClick={() => send("transition", { action: "reopen" })}
          >
            Reopen
          </Button>
        ) : null}
      </div>
      {isResolving && !props.isResolved ? (
        <ResolvePanel incidentRef={props.incidentRef} onClose={() => setIsResolving(false)} />
      ) : null}
      <fieldset className="grid gap-2 sm:grid-cols-3">
        <legend className="sr-only">Incident roles</legend>
        {(Object.entries(INCIDENT_ROLE_LABELS) as [keyof typeof INCIDENT_ROLE_LABELS, string][]).map(
          ([role, label]) => (
            <label key={role} className="text-sm text-zinc-400">
              {label}
              <select
                aria-label={label}
                value={props.roles[role] ?? ""}
                disabled={!props.canCommand || isBusy}
                onChange={(event) => send("roles", { role, memberId: event.target.value || null })}
                className={`${SELECT} mt-1 block w-full text-zinc-100`}
              >
                <option value="">Unassigned</option>
                {props.members
                  .filter((member) => member.role !== "viewer" || role !== "commander")
                  .map((member) => (
                    <option key={member.id} value={member.id}>
                      {member.name}
                    </option>
                  ))}
              </select>
            </label>
          ),
        )}
      </fieldset>
      {error ? (
        <p role="alert" className="text-sm text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
