"use client";

import type { FormEvent } from "react";
import { apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FieldError, FormError, INPUT_CLASS } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";
import type { PolicyTarget, PolicyView } from "@/lib/paging";

type Option = { id: string; name: string };
type Options = { members: Option[]; rotations: Option[]; safes: Option[]; severities: string[] };

const LEVELS = [0, 1, 2];

/** A target is encoded in a select's value as "member:<id>", "rotation:<id>" or "safe_unsigned:<id>". */
function decodeTarget(value: string): PolicyTarget {
  const [kind, id = ""] = value.split(":");
  if (kind === "rotation") return { kind, rotationId: id };
  if (kind === "safe_unsigned") return { kind, safeId: id };
  return { kind: "member", memberId: id };
}

export function EscalationPoliciesPanel({ policies, options }: { policies: PolicyView[]; options: Options }) {
  const { error, run } = useApiAction();
  const nameOf = (target: PolicyTarget) =>
    target.kind === "member"
      ? (options.members.find((m) => m.id === target.memberId)?.name ?? "?")
      : target.kind === "rotation"
        ? `on call in ${options.rotations.find((r) => r.id === target.rotationId)?.name ?? "?"}`
        : `owners of ${options.safes.find((s) => s.id === target.safeId)?.name ?? "?"} who have not signed`;

  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const levels = LEVELS.map((index) => ({
      delaySeconds: Number(data.get(`delay-${index}`) || 0),
      targets: data.getAll(`targets-${index}`).map((value) => decodeTarget(String(value))),
    })).filter((level, index) => index === 0 || level.targets.length > 0);
    return run(async () => {
      await apiFetch("/api/paging/policies", {
        method: "POST",
        json: {
          name: data.get("name"),
          severities: data.getAll("severities"),
          isDefault: data.get("isDefault") === "on",
          levels,
          repeatCount: Number(data.get("repeatCount") || 0),
          reminderSeconds: Number(data.get("reminderSeconds") || 300),
        },
      });
      form.reset();
    });
  }

  return (
    <div className="space-y-4">
      {policies.length === 0 ? (
        <p className="text-sm text-zinc-400">No policies: incidents page nobody.</p>
      ) : null}
      <ul className="space-y-2">
        {policies.map((policy) => (
          <li
            key={policy.id}
            data-testid="policy"
            className="space-y-1 rounded border border-zinc-800 p-3 text-sm"
          >
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-semibold">{policy.name}</span>
              <span className="text-zinc-400">
                {policy.severities.length ? policy.severities.join(", ") : ""}
                {policy.isDefault ? " (default)" : ""}
              </span>
              <span className="text-xs text-zinc-400">
                repeat {policy.repeatCount}× · signers reminded every {policy.reminderSeconds} s
              </span>
              <Button
                variant="ghost"
                className="ml-auto py-1 text-xs"
                onClick={() => run(() => apiFetch(`/api/paging/policies/${policy.id}`, { method: "DELETE" }))}
              >
                Delete
              </Button>
            </div>
            <ol className="list-decimal pl-6 text-zinc-300">
              {policy.levels.map((level) => (
                <li key={`${policy.id}-${level.delaySeconds}-${level.targets.map(nameOf).join()}`}>
                  after {level.delaySeconds} s: {level.targets.map(nameOf).join(", ")}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
      <form
        onSubmit={create}
        noValidate
        className="grid gap-2 rounded border border-zinc-800 p-3 md:grid-cols-3"
      >
        <label className="text-sm">
          Name
          <input name="name" required className={INPUT_CLASS} placeholder="P1 ladder" />
          <FieldError error={error} path="name" label="Name" />
        </label>
        <fieldset className="text-sm">
          <legend>Severities</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {options.severities.map((severity) => (
              <label key={severity} className="flex items-center gap-1">
                <input type="checkbox" name="severities" value={severity} />
                {severity}
              </label>
            ))}
            <label className="flex items-center gap-1">
              <input type="checkbox" name="isDefault" /> default for the rest
            </label>
          </div>
        </fieldset>
        <div className="grid grid-cols-2 gap-2 text-sm">
          <label>
            Repeat
            <input
              name="repeatCount"
              type="number"
              min={0}
              max={10}
              defaultValue={0}
              className={INPUT_CLASS}
            />
            <FieldError error={error} path="repeatCount" />
          </label>
          <label>
            Reminders (s)
            <input name="reminderSeconds" type="number" min={1} defaultValue={300} className={INPUT_CLASS} />
            <FieldError error={error} path="reminderSeconds" />
          </label>
        </div>
        {LEVELS.map((index) => (
          <fieldset key={index} className="rounded border border-zinc-800 p-2 text-sm">
            <legend>Level {index + 1}</legend>
            <label>
              Delay (s)
              <input
                name={`delay-${index}`}
                type="number"
                min={0}
                defaultValue={index === 0 ? 0 : 300}
                className={INPUT_CLASS}
              />
            </label>
            <label>
              Targets
              <select name={`targets-${index}`} multiple className={`${INPUT_CLASS} h-28`}>
                {options.members.map((m) => (
                  <option key={m.id} value={`member:${m.id}`}>
                    {m.name}
                  </option>
                ))}
                {options.rotations.map((r) => (
                  <option key={r.id} value={`rotation:${r.id}`}>
                    On call: {r.name}
                  </option>
                ))}
                {options.safes.map((s) => (
                  <option key={s.id} value={`safe_unsigned:${s.id}`}>
                    Owners of {s.name} who have not signed
                  </option>
                ))}
              </select>
            </label>
            <FieldError error={error} path={`levels.${index}.targets`} label="Targets:" />
            <FieldError error={error} path={`levels.${index}.delaySeconds`} label="Delay:" />
          </fieldset>
        ))}
        <FieldError error={error} path="levels" label="Levels:" />
        <div className="md:col-span-3">
          <Button type="submit">Add policy</Button>
        </div>
      </form>
      <FormError error={error} />
    </div>
  );
}
