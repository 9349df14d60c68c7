"use client";

import { useState } from "react";
import { apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FieldError, FormError, INPUT_CLASS } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";

/**
 * The switch for automatic break glass (commanders): an alert routing rule that names this kit executes it with
 * the executor key, at most once per cool-down. Off by default; only pause-like kits and an executor key allow it.
 */
export function KitAutomationForm(props: {
  kitId: string;
  isAutoEnabled: boolean;
  autoCooldownSeconds: number;
  canAutomate: boolean;
  why: string | null;
}) {
  const { error, run } = useApiAction();
  const [cooldown, setCooldown] = useState(String(props.autoCooldownSeconds));
  const save = (isAutoEnabled: boolean) =>
    run(() =>
      apiFetch(`/api/kits/${props.kitId}/automation`, {
        method: "PUT",
        json: { isAutoEnabled, autoCooldownSeconds: cooldown },
      }),
    );
  return (
    <div className="space-y-2 text-sm">
      <p data-testid="kit-automation">
        Automatic break glass is <strong>{props.isAutoEnabled ? "ON" : "off"}</strong>
        {props.isAutoEnabled ? `, at most once every ${props.autoCooldownSeconds} s` : ""}.
        {!props.canAutomate && props.why ? ` ${props.why}` : ""}
      </p>
      <label className="block max-w-xs">
        Cool-down (seconds)
        <input
          className={INPUT_CLASS}
          type="number"
          min={60}
          max={86_400}
          value={cooldown}
          name="autoCooldownSeconds"
          onChange={(e) => setCooldown(e.target.value)}
        />
      </label>
      <FieldError error={error} path="autoCooldownSeconds" label="Cool-down" />
      <FormError error={error} />
      <div className="flex gap-2">
        {props.isAutoEnabled ? (
          <Button variant="secondary" onClick={() => save(false)}>
            Turn automatic off
          </Button>
        ) : (
          <Button onClick={() => save(true)} disabled={!props.canAutomate}>
            Turn automatic on
          </Button>
        )}
        {props.isAutoEnabled && (
          <Button variant="secondary" onClick={() => save(true)}>
            Save cool-down
          </Button>
        )}
      </div>
    </div>
  );
}
