"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { type ApiError, apiFetch, toApiError } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import type { ActionItemOptions, ActionItemView } from "@/lib/postmortems";

/** lib/postmortems' action item as the browser gets it (toActionItemRow): the due date as an ISO string. */
export type ActionItemRow = Pick<
  ActionItemView,
  "id" | "title" | "status" | "isOverdue" | "incidentRef" | "incidentTitle" | "ownerName" | "runbookTitle"
> & {
  dueAt: string | null;
  /** Where the runbook lives: /runbooks/<slug> (the runbook pages take an id or a slug). */
  runbookHref: string | null;
};

type Option = ActionItemOptions["members"][number];

const STATUSES = [
  { value: "open", label: "Open" },
  { value: "in_progress", label: "In progress" },
  { value: "done", label: "Done" },
  { value: "wont_do", label: "Won't do" },
];

const input = "mt-1 w-full rounded border border-zinc-700 bg-zinc-900 px-2 py-1.5";

/** Action items with a status picker per row; with `incidentRef`, also the form that adds one. */
export function ActionItemsPanel(props: {
  items: ActionItemRow[];
  members: Option[];
  runbooks: Option[];
  canEdit: boolean;
  incidentRef?: string;
  showIncident?: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  // Labels point at their controls by id: a wrapping label would fold the options' text into the name.
  const formId = useId();

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = Object.fromEntries(new FormData(formElement));
    setIsSaving(true);
    setError(null);
    try {
      await apiFetch("/api/action-items", {
        method: "POST",
        json: { ...form, incidentRef: props.incidentRef },
      });
      formElement.reset();
      router.refresh();
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setIsSaving(false);
    }
  }

  async function setStatus(id: string, status: string) {
    setError(null);
    try {
      await apiFetch(`/api/action-items/${id}`, { method: "PATCH", json: { status } });
      router.refresh();
    } catch (cause) {
      setError(toApiError(cause));
    }
  }

  const fieldError = (path: string) =>
    error?.fieldMessage(path) ? (
      <span className="text-xs text-red-400">{error.fieldMessage(path)}</span>
    ) : null;

  return (
    <div className="space-y-3">
      {props.items.length === 0 ? (
        <p className="text-sm text-zinc-400">No action items.</p>
      ) : (
        <ul className="divide-y divide-zinc-800 rounded border border-zinc-800" aria-label="Action items">
          {props.items.map((item) => (
            <li
              key={item.id}
              data-testid="action-item"
              className={`flex flex-col gap-2 p-3 md:flex-row md:items-center ${item.isOverdue ? "bg-red-950/40" : ""}`}
            >
              <div className="min-w-0 flex-1">
                <p className="font-medium">{item.title}</p>
                <p className="text-xs text-zinc-400">
                  {props.showIncident ? (
                    <>
                      <Link className="underline" href={`/incidents/${item.incidentRef}/postmortem`}>
                        {item.incidentRef}
                      </Link>{" "}
                      {item.incidentTitle} ·{" "}
                    </>
                  ) : null}
                  Owner: {item.ownerName ?? "unassigned"} · Due:{" "}
                  {item.dueAt ? item.dueAt.slice(0, 10) : "none"}
                  {item.isOverdue ? <strong className="ml-1 text-red-400">OVERDUE</strong> : null}
                  {item.runbookTitle && item.runbookHref ? (
                    <>
                      {" "}
                      · Runbook update:{" "}
                      <Link className="underline" href={item.runbookHref}>
                        {item.runbookTitle}
                      </Link>
                    </>
                  ) : null}
                </p>
              </div>
              {props.canEdit ? (
                <select
                  aria-label={`Status of ${item.title}`}
                  value={item.status}
                  onChange={(event) => void setStatus(item.id, event.target.value)}
                  className="rounded border border-zinc-700 bg-zinc-900 px-2 py-1 text-sm"
                >
                  {STATUSES.map((status) => (
                    <option key={status.value} value={status.value}>
                      {status.label}
                    </option>
                  ))}
                </select>
              ) : (
                <span className="text-sm">
                  {STATUSES.find((s) => s.value === item.status)?.label ?? item.status}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && !error.fields.length ? (
        <p role="alert" className="text-sm text-red-400">
          {error.message}
        </p>
      ) : null}
      {props.canEdit && props.incidentRef ? (
        <form
          onSubmit={add}
          noValidate
          className="grid gap-2 rounded border border-zinc-800 p-3 md:grid-cols-5"
        >
          <div className="text-sm md:col-span-2">
            <label htmlFor={`${formId}-title`}>Action</label>
            <input id={`${formId}-title`} name="title" required className={input} />
            {fieldError("title")}
          </div>
          <div className="text-sm">
            <label htmlFor={`${formId}-owner`}>Owner</label>
            <select id={`${formId}-owner`} name="ownerId" defaultValue="" className={input}>
              <option value="">Unassigned</option>
              {props.members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.label}
                </option>
              ))}
            </select>
            {fieldError("ownerId")}
          </div>
          <div className="text-sm">
            <label htmlFor={`${formId}-due`}>Due date</label>
            <input id={`${formId}-due`} name="dueAt" type="date" className={input} />
            {fieldError("dueAt")}
          </div>
          <div className="text-sm">
            <label htmlFor={`${formId}-runbook`}>Runbook update for</label>
            <select id={`${formId}-runbook`} name="runbookId" defaultValue="" className={input}>
              <option value="">Not a runbook update</option>
              {props.runbooks.map((runbook) => (
                <option key={runbook.id} value={runbook.id}>
                  {runbook.label}
                </option>
              ))}
            </select>
            {fieldError("runbookId")}
          </div>
          <div className="md:col-span-5">
            <Button type="submit" disabled={isSaving}>
              Add action item
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
