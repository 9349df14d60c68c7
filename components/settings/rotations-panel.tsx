"use client";

import type { FormEvent } from "react";
import { UtcTime } from "@/components/incidents/utc-time";
import { apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FieldError, FormError, INPUT_CLASS } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";
import type { RotationView } from "@/lib/paging";

/** A rotation as lib/paging lists it, with the name of whoever is on call now. */
type Rotation = RotationView & { onCall: string | null };
type Option = { id: string; name: string };

/** Daily or weekly rotations with a hand-off time (UTC) and overrides; a rotation can be a policy target. */
export function RotationsPanel({ rotations, members }: { rotations: Rotation[]; members: Option[] }) {
  const { error, run } = useApiAction();
  const nameOf = (id: string) => members.find((m) => m.id === id)?.name ?? "?";

  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    return run(async () => {
      await apiFetch("/api/paging/rotations", {
        method: "POST",
        json: {
          name: data.get("name"),
          period: data.get("period"),
          handoffAt: `${String(data.get("handoffAt"))}:00Z`,
          memberIds: data.getAll("memberIds"),
        },
      });
      form.reset();
    });
  }

  function override(rotation: Rotation, event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    return run(() =>
      apiFetch(`/api/paging/rotations/${rotation.id}`, {
        method: "PUT",
        json: {
          name: rotation.name,
          period: rotation.period,
          handoffAt: rotation.handoffAt,
          memberIds: rotation.memberIds,
          overrides: [
            ...rotation.overrides,
            {
              memberId: data.get("memberId"),
              startsAt: `${String(data.get("startsAt"))}:00Z`,
              endsAt: `${String(data.get("endsAt"))}:00Z`,
            },
          ],
        },
      }),
    );
  }

  return (
    <div className="space-y-4">
      <ul className="space-y-2">
        {rotations.map((rotation) => (
          <li
            key={rotation.id}
            data-testid="rotation"
            className="space-y-2 rounded border border-zinc-800 p-3 text-sm"
          >
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-semibold">{rotation.name}</span>
              <span className="text-zinc-400">
                {rotation.period}, hand-off <UtcTime at={rotation.handoffAt} withDate />
              </span>
              <span>{rotation.memberIds.map(nameOf).join(" → ")}</span>
              <span className="text-emerald-400">on call now: {rotation.onCall ?? "nobody"}</span>
              <Button
                variant="ghost"
                className="ml-auto py-1 text-xs"
                onClick={() =>
                  run(() => apiFetch(`/api/paging/rotations/${rotation.id}`, { method: "DELETE" }))
                }
              >
                Delete
              </Button>
            </div>
            {rotation.overrides.length ? (
              <ul className="text-xs text-zinc-400">
                {rotation.overrides.map((o) => (
                  <li key={`${o.memberId}-${o.startsAt}`}>
                    override: {nameOf(o.memberId)} from <UtcTime at={o.startsAt} withDate /> to{" "}
                    <UtcTime at={o.endsAt} withDate />
                  </li>
                ))}
              </ul>
            ) : null}
            <form
              onSubmit={(event) => override(rotation, event)}
              className="flex flex-wrap items-end gap-2 text-xs"
            >
              <label>
                Override
                <select name="memberId" className={INPUT_CLASS}>
                  {members.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                from (UTC)
                <input name="startsAt" type="datetime-local" required className={INPUT_CLASS} />
              </label>
              <label>
                to (UTC)
                <input name="endsAt" type="datetime-local" required className={INPUT_CLASS} />
              </label>
              <Button type="submit" variant="secondary" className="py-1 text-xs">
                Add override
              </Button>
            </form>
          </li>
        ))}
      </ul>
      <form
        onSubmit={create}
        noValidate
        className="grid gap-2 rounded border border-zinc-800 p-3 md:grid-cols-4"
      >
        <label className="text-sm">
          Name
          <input name="name" required className={INPUT_CLASS} placeholder="Primary" />
          <FieldError error={error} path="name" label="Name" />
        </label>
        <label className="text-sm">
          Period
          <select name="period" defaultValue="weekly" className={INPUT_CLASS}>
            <option value="weekly">Weekly</option>
            <option value="daily">Daily</option>
          </select>
        </label>
        <label className="text-sm">
          First hand-off (UTC)
          <input name="handoffAt" type="datetime-local" required className={INPUT_CLASS} />
          <FieldError error={error} path="handoffAt" label="Hand-off" />
        </label>
        <label className="text-sm">
          Members, in turn
          <select name="memberIds" multiple className={`${INPUT_CLASS} h-24`}>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <FieldError error={error} path="memberIds" label="Members:" />
        </label>
        <div className="md:col-span-4">
          <Button type="submit">Add rotation</Button>
        </div>
      </form>
      <FormError error={error} />
    </div>
  );
}
