import { keccak256, toHex } from "viem";
import { type CanonicalSignature, canonicalizeSignature } from "./canonical-signature";
import { type ShellWord, tokenizeShellWords } from "./tokenize-shell-words";

// `cast send TARGET "fn(types)" args...` (a contract action) and `cast call TARGET "fn(types)(returns)"
// args...` (a verification read). Connection and signing flags (--rpc-url, --private-key, --from, ...)
// are not arguments; --value is kept. A send with no signature is a plain transfer.

export type CastCommand = {
  kind: "send" | "call";
  target: string;
  signatureAsWritten: string | null;
  canonical: CanonicalSignature | null;
  args: string[];
  value: string | null;
  /** Raw calldata written instead of a signature (`cast send $T 0x8456cb59`). */
  calldata: string | null;
};

const SUBCOMMANDS: Record<string, "send" | "call"> = { send: "send", s: "send", call: "call", c: "call" };

/** Flags of cast send/call that take a value (so the value is not read as an argument). */
const VALUE_FLAGS = new Set([
  "--rpc-url",
  "-r",
  "--private-key",
  "--from",
  "-f",
  "--value",
  "--gas-limit",
  "--gas-price",
  "--priority-gas-price",
  "--blob-gas-price",
  "--nonce",
  "--chain",
  "--chain-id",
  "--etherscan-api-key",
  "-e",
  "--block",
  "-b",
  "--keystore",
  "--account",
  "--password",
  "--password-file",
  "--mnemonic",
  "--mnemonic-index",
  "--mnemonic-passphrase",
  "--mnemonic-derivation-path",
  "--hd-path",
  "--confirmations",
  "--timeout",
  "--auth",
  "--jwt-secret",
  "--labels",
  "--evm-version",
  "--data",
  "--rpc-timeout",
  "--gas",
  "--access-list",
  "--authorization",
  "--rpc-headers",
  "--blob-hashes",
  "--path",
]);

const CALLDATA = /^0x(?:[0-9a-fA-F]{2}){4,}$/;
const FUNCTION_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

function parseCastWords(simple: readonly ShellWord[]): CastCommand | null {
  let start = 0;
  if (simple[start]?.raw === "$") start++;
  while (simple[start] && ASSIGNMENT.test(simple[start]!.raw)) start++;
  if (simple[start]?.value !== "cast") return null;
  const kind = SUBCOMMANDS[simple[start + 1]?.value ?? ""];
  if (!kind) return null;

  const positionals: string[] = [];
  let value: string | null = null;
  for (let index = start + 2; index < simple.length; index++) {
    const word = simple[index]!;
    const isFlag = word.raw.startsWith("-") && !/^-\d/.test(word.raw) && word.raw.length > 1;
    if (!isFlag) {
      positionals.push(word.value);
      continue;
    }
    const [flag = "", inline] = word.value.split(/=(.*)/s);
    if (flag === "--create") return null;
    const flagValue = inline ?? (VALUE_FLAGS.has(flag) ? simple[++index]?.value : undefined);
    if (flag === "--value" && flagValue !== undefined) value = flagValue;
  }

  const [target, second, ...rest] = positionals;
  if (target === undefined) return null;
  const hasSignature = second?.includes("(") === true;
  // `cast send $T pause` names a function without parentheses: with no arguments it can only be pause().
  const isBareName = !hasSignature && second !== undefined && FUNCTION_NAME.test(second) && rest.length === 0;
  const calldata =
    !hasSignature && second !== undefined && CALLDATA.test(second) ? second.toLowerCase() : null;
  const signatureAsWritten = hasSignature || isBareName ? second! : null;
  const canonical = hasSignature
    ? canonicalizeSignature(second!)
    : isBareName
      ? canonicalizeSignature(`${second}()`)
      : null;
  const args = hasSignature || isBareName || calldata !== null ? rest : positionals.slice(1);
  return { kind, target, signatureAsWritten, canonical, args, value, calldata };
}

/** `NAME=$(cast call ...)`: the command inside the substitution. */
function substitutedCommand(words: readonly ShellWord[]): string | null {
  if (words.length !== 1) return null;
  const inner = /^[A-Za-z_][A-Za-z0-9_]*=\$\(([\s\S]*)\)$/.exec(words[0]!.raw)?.[1];
  return inner !== undefined && /^\s*cast\s/.test(inner) ? inner : null;
}

/**
 * Every cast send/call in a command list: `cast send ... && cast call ...` is two, `ID=$(cast call ...)` is
 * the call inside. A pipe ends the list (what follows reads the output).
 */
export function parseCastCommands(command: string): CastCommand[] {
  if (!/\bcast\s+(?:send|call|s|c)\s/.test(command)) return [];
  const commands: CastCommand[] = [];
  let words: ShellWord[] = [];
  const flush = () => {
    const inner = substitutedCommand(words);
    const cast = inner === null ? parseCastWords(words) : parseCastCommand(inner);
    if (cast) commands.push(cast);
    words = [];
  };
  for (const word of tokenizeShellWords(command)) {
    if (!word.isOperator) {
      words.push(word);
      continue;
    }
    flush();
    if (word.value !== "&&" && word.value !== "||" && word.value !== ";") return commands;
  }
  flush();
  return commands;
}

export function parseCastCommand(command: string): CastCommand | null {
  return parseCastCommands(command)[0] ?? null;
}

const keccakCache = new Map<string, string>();

/** `cast keccak X`: hashes 0x-hex as bytes and anything else as its UTF-8 text. */
function keccakOf(input: string): string {
  let hash = keccakCache.get(input);
  if (hash === undefined) {
    hash = /^0x([0-9a-fA-F]{2})*$/.test(input) ? keccak256(input as `0x${string}`) : keccak256(toHex(input));
    if (keccakCache.size < 10_000) keccakCache.set(input, hash);
  }
  return hash;
}

/**
 * The concrete value of an argument when the runbook gives one: a literal, `$(cast keccak "ROLE")`, or a
 * `$VAR` bound earlier in the same block. Placeholders (`<...>`, `0x...`) and unbound variables are null.
 */
export function resolveArgValue(arg: string, bindings: ReadonlyMap<string, string | null>): string | null {
  const keccak = /^\$\(\s*cast\s+keccak\s+(?:"([^"]*)"|'([^']*)'|([^\s)]+))\s*\)$/.exec(arg.trim());
  if (keccak) {
    const input = keccak[1] ?? keccak[2] ?? keccak[3] ?? "";
    if (input.includes("$") || input.includes("<")) return null;
    return keccakOf(input);
  }
  const variable = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(arg);
  if (variable) return bindings.get(variable[1] ?? variable[2]!) ?? null;
  if (/[$<`…]|\.\.\./.test(arg)) return null;
  return arg;
}
