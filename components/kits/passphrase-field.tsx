import type { ApiError } from "@/components/ui/api-client";
import { FieldError, INPUT_CLASS } from "@/components/ui/field";

/** The vault passphrase of a kit file (export seals with it, import opens with it), with its field error. */
export function PassphraseField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: "new-password" | "current-password";
  error: ApiError | null;
}) {
  return (
    <>
      <label className="block text-sm">
        {props.label}
        <input
          className={INPUT_CLASS}
          type="password"
          autoComplete={props.autoComplete}
          value={props.value}
          name="passphrase"
          onChange={(e) => props.onChange(e.target.value)}
        />
      </label>
      <FieldError error={props.error} path="passphrase" label="Passphrase" />
    </>
  );
}
