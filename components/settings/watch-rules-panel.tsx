"use client";

import type { FormEvent } from "react";
import { apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FieldError, FormError, INPUT_CLASS } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";
import { WATCH_RULE_KINDS, type WatchRuleKind } from "@/lib/watch/browser";
import { ToggleDeleteActions } from "./toggle-delete-actions";

type RuleRow = {
  id: string;
  name: string;
  kind: string;
  roles: string[];
  allowList: string[];
  severityName: string | null;
  runbookAnchors: string[];
  isEnabled: boolean;
};

const KIND_LABEL: Record<WatchRuleKind, string> = {
  role_granted: "RoleGranted of a guarded role to an account outside the allow-list",
  upgraded: "Any proxy upgrade (Upgraded, BeaconUpgraded)",
  safe_config: "A Safe's owners, threshold, guard, modules or fallback handler change",
  unexplained_pause: "A pause (Paused, GlobalPaused…) that no open incident explains",
};

const list = (value: FormDataEntryValue | null) =>
  String(value ?? "")
    .split(/[\s,]+/)
    .filter(Boolean);

export function WatchRulesPanel({
  rules,
  levels,
  isAdmin,
}: {
  rules: RuleRow[];
  levels: string[];
  isAdmin: boolean;
}) {
  const { error, run } = useApiAction();

  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    return run(async () => {
      await apiFetch("/api/settings/watch/rules", {
        method: "POST",
        json: {
          name: data.get("name"),
          kind: data.get("kind"),
          roles: list(data.get("roles")),
          allowList: list(data.get("allowList")),
          severityName: data.get("severityName") || null,
          runbookAnchors: list(data.get("runbookAnchors")),
        },
      });
      form.reset();
    });
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-400">
        Each recorded chain event is checked against the enabled rules; a rule that fires raises an alert from
        the source “Chain watch”, deduplicated per log. A rule with a severity declares an incident at that
        severity with its runbook sections attached; without one, the alert routes decide. The registry’s
        Safes may always receive roles.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[640px] text-left text-sm">
          <thead className="text-zinc-400">
            <tr>
              <th className="py-1 pr-3 font-medium">Rule</th>
              <th className="py-1 pr-3 font-medium">Fires on</th>
              <th className="py-1 pr-3 font-medium">Severity</th>
              <th className="py-1 pr-3 font-medium">Runbooks</th>
              <th className="py-1 pr-3 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.id} className={`border-t border-zinc-800 ${rule.isEnabled ? "" : "opacity-50"}`}>
                <td className="py-2 pr-3">{rule.name}</td>
                <td className="py-2 pr-3 text-xs">
                  {KIND_LABEL[rule.kind as WatchRuleKind] ?? rule.kind}
                  {rule.roles.length ? (
                    <span className="block font-mono">roles: {rule.roles.join(", ")}</span>
                  ) : null}
                  {rule.allowList.length ? (
                    <span className="block break-all font-mono">allowed: {rule.allowList.join(", ")}</span>
                  ) : null}
                </td>
                <td className="py-2 pr-3">{rule.severityName ?? "by routes"}</td>
                <td className="max-w-64 break-all py-2 pr-3 font-mono text-xs">
                  {rule.runbookAnchors.join(", ") || "—"}
                </td>
                <td className="py-2 text-right">
                  {isAdmin ? (
                    <ToggleDeleteActions
                      url={`/api/settings/watch/rules/${rule.id}`}
                      isEnabled={rule.isEnabled}
                      labels={["Disable", "Enable"]}
                      run={run}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rules.length === 0 ? (
        <p className="text-sm text-zinc-400">
          No watch rules: chain events reach timelines but raise no alerts.
        </p>
      ) : null}
      {isAdmin ? (
        <form
          onSubmit={create}
          noValidate
          className="grid gap-2 rounded border border-zinc-800 p-3 md:grid-cols-3"
        >
          <label className="text-sm">
            Rule name
            <input name="name" required className={INPUT_CLASS} />
            <FieldError error={error} path="name" label="Rule name" />
          </label>
          <label className="text-sm md:col-span-2">
            Fires on
            <select name="kind" className={INPUT_CLASS}>
              {WATCH_RULE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_LABEL[kind]}
                </option>
              ))}
            </select>
            <FieldError error={error} path="kind" label="Fires on" />
          </label>
          <label className="text-sm">
            Guarded roles (empty: every role)
            <input
              name="roles"
              className={`${INPUT_CLASS} font-mono`}
              placeholder="GUARDIAN_ROLE, PAUSER_ROLE"
            />
            <FieldError error={error} path="roles" label="Guarded roles" />
          </label>
          <label className="text-sm md:col-span-2">
            Allow-list (accounts that may receive them)
            <input name="allowList" className={`${INPUT_CLASS} font-mono`} placeholder="0x…" />
            <FieldError error={error} path="allowList" label="Allow-list" />
          </label>
          <label className="text-sm">
            Severity
            <select name="severityName" className={INPUT_CLASS} defaultValue="">
              <option value="">decided by the alert routes</option>
              {levels.map((level) => (
                <option key={level}>{level}</option>
              ))}
            </select>
            <FieldError error={error} path="severityName" label="Severity" />
          </label>
          <label className="text-sm md:col-span-2">
            Runbook sections
            <input
              name="runbookAnchors"
              className={`${INPUT_CLASS} font-mono`}
              placeholder="musd-protocol#6-key-rotation"
            />
            <FieldError error={error} path="runbookAnchors" label="Runbook sections" />
          </label>
          <div className="md:col-span-3">
            <Button type="submit">Add watch rule</Button>
          </div>
        </form>
      ) : null}
      <FormError error={error} />
    </div>
  );
}
