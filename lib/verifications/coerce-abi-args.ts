import type { AbiParameter } from "viem";
import { AppError } from "../errors";
import { isJsonTooDeep } from "../http/input-fields";

function fail(index: number, type: string, value: unknown): never {
  const message = `${JSON.stringify(value)} is not a valid ${type}`;
  throw new AppError("UNPROCESSABLE", `args.${index}: ${message}.`, {
    fields: [{ path: `args.${index}`, message }],
  });
}

function coerce(type: string, value: unknown, index: number, components?: readonly AbiParameter[]): unknown {
  const array = /^(.*)\[(\d*)\]$/.exec(type);
  if (array) {
    const items = typeof value === "string" ? safeJson(value) : value;
    if (!Array.isArray(items)) fail(index, type, value);
    return items.map((item) => coerce(array[1]!, item, index, components));
  }
  if (type === "tuple") {
    const items = typeof value === "string" ? safeJson(value) : value;
    if (!Array.isArray(items) || !components) fail(index, type, value);
    return components.map((component, position) =>
      coerce(
        component.type,
        items[position],
        index,
        (component as { components?: AbiParameter[] }).components,
      ),
    );
  }
  if (/^u?int\d*$/.test(type)) {
    try {
      return BigInt(String(value).trim());
    } catch {
      fail(index, type, value);
    }
  }
  if (type === "bool") {
    if (value === true || value === "true") return true;
    if (value === false || value === "false") return false;
    fail(index, type, value);
  }
  return value;
}

function safeJson(text: string): unknown {
  if (isJsonTooDeep(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Arguments arrive as text (as a runbook or a form writes them); viem wants bigint for integers and
 * booleans for bool. Anything malformed is a 422 naming the argument, not a 500 from the encoder.
 */
export function coerceAbiArgs(inputs: readonly AbiParameter[], args: readonly unknown[]): unknown[] {
  return inputs.map((input, index) =>
    coerce(input.type, args[index], index, (input as { components?: AbiParameter[] }).components),
  );
}
