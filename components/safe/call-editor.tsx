"use client";

import { useMemo } from "react";
import { type AbiFunction, type AbiParameter, parseAbiItem } from "viem";
import { Button } from "@/components/ui/button";
import type { FormContract } from "@/lib/safe";
import { parseCallArgs, roleId } from "@/lib/safe/browser";
import type { FormCall } from "./form-types";

const input = "w-full rounded-md border border-zinc-700 bg-zinc-900 px-3 py-2 text-sm text-zinc-100";

/** The inputs of the chosen function: from the contract's ABI, else from a typed signature. */
export function inputsOf(call: FormCall, contracts: FormContract[]): AbiParameter[] | null {
  const contract = contracts.find((c) => c.id === call.contractId);
  const known = !call.isTyped ? contract?.functions.find((f) => f.signature === call.signature) : undefined;
  if (known) return known.inputs as AbiParameter[];
  if (!call.signature.includes("(")) return null;
  try {
    const text = call.signature.trim().startsWith("function ")
      ? call.signature
      : `function ${call.signature}`;
    return [...(parseAbiItem(text) as AbiFunction).inputs];
  } catch {
    return null;
  }
}

export function CallEditor({
  index,
  call,
  contracts,
  fieldError,
  onChange,
  onRemove,
}: {
  index: number;
  call: FormCall;
  contracts: FormContract[];
  fieldError: (path: string) => string | undefined;
  onChange: (call: FormCall) => void;
  onRemove?: () => void;
}) {
  const contract = contracts.find((c) => c.id === call.contractId);
  const inputs = useMemo(() => inputsOf(call, contracts), [call, contracts]);
  const local = useMemo(
    () =>
      inputs
        ? parseCallArgs(
            inputs,
            call.args.map((a) => (a === "" ? undefined : a)),
            `calls.${index}.args`,
          )
        : null,
    [inputs, call.args, index],
  );
  const errorAt = (path: string) => fieldError(path) ?? local?.issues.find((i) => i.path === path)?.message;
  const setArg = (i: number, value: string) => {
    const args = [...call.args];
    args[i] = value;
    onChange({ ...call, args });
  };
  return (
    <fieldset className="space-y-3 rounded-lg border border-zinc-800 p-3" data-testid={`call-${index}`}>
      <legend className="px-1 text-sm font-semibold">Call {index + 1}</legend>
      <label className="block text-sm">
        <span className="text-zinc-300">Contract</span>
        <select
          aria-label={`Contract for call ${index + 1}`}
          className={input}
          value={call.contractId}
          onChange={(e) => onChange({ ...call, contractId: e.target.value, signature: "", args: [] })}
        >
          <option value="">Choose a contract…</option>
          {contracts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.address.slice(0, 8)}…)
            </option>
          ))}
        </select>
        {fieldError(`calls.${index}.contractId`) && (
          <span className="text-xs text-red-300">{fieldError(`calls.${index}.contractId`)}</span>
        )}
      </label>
      <div className="space-y-1 text-sm">
        <label className="flex items-center gap-2 text-xs text-zinc-400">
          <input
            type="checkbox"
            checked={call.isTyped}
            onChange={(e) => onChange({ ...call, isTyped: e.target.checked, args: [] })}
          />
          Type a signature instead of choosing from the ABI
        </label>
        {call.isTyped || !contract || contract.functions.length === 0 ? (
          <input
            aria-label={`Function signature for call ${index + 1}`}
            className={`${input} font-mono`}
            placeholder="grantRole(bytes32 role, address account)"
            value={call.signature}
            onChange={(e) => onChange({ ...call, signature: e.target.value })}
          />
        ) : (
          <select
            aria-label={`Function for call ${index + 1}`}
            className={`${input} font-mono`}
            value={call.signature}
            onChange={(e) => onChange({ ...call, signature: e.target.value, args: [] })}
          >
            <option value="">Choose a function…</option>
            {contract.functions.map((f) => (
              <option key={f.signature} value={f.signature}>
                {f.signature}
              </option>
            ))}
          </select>
        )}
        {fieldError(`calls.${index}.signature`) && (
          <span className="text-xs text-red-300">{fieldError(`calls.${index}.signature`)}</span>
        )}
      </div>
      {inputs?.map((param, i) => {
        const path = `calls.${index}.args.${i}`;
        const label = `${param.name || `arg${i}`} (${param.type})`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: ABI inputs are positional.
          <div key={`${param.name}-${i}`} className="space-y-1 text-sm">
            <label className="block">
              <span className="text-zinc-300">{label}</span>
              <input
                aria-label={label}
                className={`${input} font-mono`}
                value={call.args[i] ?? ""}
                placeholder={param.type.endsWith("]") ? '["…", "…"]' : param.type}
                onChange={(e) => setArg(i, e.target.value)}
              />
            </label>
            {param.type === "bytes32" && (
              <Button
                variant="ghost"
                className="px-2 py-1 text-xs"
                disabled={!call.args[i] || call.args[i]!.startsWith("0x")}
                onClick={() => setArg(i, roleId(call.args[i]!))}
              >
                keccak256("{call.args[i] || "ROLE_NAME"}")
              </Button>
            )}
            {call.args[i] && errorAt(path) && <p className="text-xs text-red-300">{errorAt(path)}</p>}
          </div>
        );
      })}
      <label className="block text-sm">
        <span className="text-zinc-300">Value (wei)</span>
        <input
          aria-label={`Value for call ${index + 1}`}
          className={`${input} font-mono`}
          value={call.value}
          onChange={(e) => onChange({ ...call, value: e.target.value })}
        />
        {fieldError(`calls.${index}.value`) && (
          <span className="text-xs text-red-300">{fieldError(`calls.${index}.value`)}</span>
        )}
      </label>
      {onRemove && (
        <Button variant="ghost" onClick={onRemove} className="text-xs">
          Remove call {index + 1}
        </Button>
      )}
    </fieldset>
  );
}
