import type { ContractAction, ParsedRunbook } from "./schemas";

/** `$GLOBAL_PAUSE_REGISTRY`, `${ESCROW}` (normalised to `$ESCROW`) or `<ESCROW_ADDRESS>`; null for anything else. */
export function asPlaceholder(word: string): string | null {
  const trimmed = word.trim();
  const variable = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(trimmed);
  if (variable) return `$${variable[1] ?? variable[2]}`;
  if (/^<[^<>\s][^<>]*>$/.test(trimmed)) return trimmed;
  return null;
}

export type PlaceholderUse = { placeholder: string; actionIndexes: number[] };

/**
 * The placeholders of a runbook that name a contract: every action's target, and address arguments the
 * runbook leaves open. Other open arguments (`<new_lower_cap>`) are values a responder types, not contracts.
 */
export function collectPlaceholders(parsed: Pick<ParsedRunbook, "actions">): PlaceholderUse[] {
  const uses = new Map<string, number[]>();
  const add = (placeholder: string | null, index: number) => {
    if (placeholder === null) return;
    const list = uses.get(placeholder) ?? [];
    if (!list.includes(index)) list.push(index);
    uses.set(placeholder, list);
  };
  parsed.actions.forEach((action: ContractAction, index) => {
    add(asPlaceholder(action.target), index);
    action.args.forEach((arg, argIndex) => {
      if (action.argTypes[argIndex] === "address" && action.argValues[argIndex] === null)
        add(asPlaceholder(arg), index);
    });
  });
  return [...uses.entries()]
    .map(([placeholder, actionIndexes]) => ({ placeholder, actionIndexes }))
    .sort((a, b) => a.placeholder.localeCompare(b.placeholder));
}
