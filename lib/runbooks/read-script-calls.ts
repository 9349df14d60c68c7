import { type InferredCall, isReadName, targetOf } from "./build-inferred-action";

// Contract calls in an ethers/Hardhat script or a Hardhat console session, line by line:
//   const orchestrator = await ethers.getContractAt("PILv2Orchestrator", process.env.ORCHESTRATOR_ADDRESS);
//     (also with its arguments on the lines after it, up to MAX_BINDING_LINES lines)
//   await orchestrator.pause();            → send pause() to $ORCHESTRATOR_ADDRESS
//   > await contract.pause()               → send pause() to <contract> (bound nowhere: the reviewer binds it)
//   await orchestrator.paused() // Should return true   → a read, and its expected value
// A variable bound by getContractAt/getContract/new ethers.Contract is a contract; an unbound receiver
// counts only when awaited and not a known non-contract (ethers, tx, signer...).

export type ScriptLineResult = { calls: InferredCall[]; expect: string | null };
/** Reads one line; `end()` reads what is still held when the block (or command) ends. */
export type ScriptReader = ((line: string) => ScriptLineResult) & { end: () => ScriptLineResult };

const MAX_LINE = 2_000;
/** `const x = await ethers.getContractAt("Name", address)` or hardhat-deploy's `ethers.getContract("Name")`. */
const CONTRACT_BINDING =
  /^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:await\s+)?(?:hre\.)?ethers\.(?:getContractAt\(\s*["'`](\w+)["'`]\s*,\s*([^,()]+)|getContract\(\s*["'`](\w+)["'`])/;
/** `const x = new ethers.Contract(address, abi, signer)`. */
const CONTRACT_NEW =
  /^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*new\s+(?:ethers\.)?Contract\(\s*([^,()]+)/;
/** The start of a binding whose arguments may run on past the line: `const x = await ethers.getContractAt(`. */
const BINDING_START =
  /^(?:const|let|var)\s+[A-Za-z_$][\w$]*\s*=\s*(?:await\s+)?(?:(?:hre\.)?ethers\.getContract(?:At)?|new\s+(?:ethers\.)?Contract)\(/;
/** How many lines a binding's arguments may span before the reader gives up on it and reads them as code. */
const MAX_BINDING_LINES = 8;
const ADDRESS_BINDING =
  /^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(process\.env\.\w+|["'`]0x[0-9a-fA-F]{40}["'`])\s*;?$/;
const CALL =
  /(?<![\w$.])(await\s+)?([A-Za-z_$][\w$]*)(?:\.connect\([^()]*\))?\.([A-Za-z_$][\w$]*)\(([^()]*)\)/g;
const NOT_A_CONTRACT =
  /^(?:ethers|hre|console|provider|signer|signers|deployer|wallet|tx|receipt|network|process|JSON|Math|Promise|Object|upgrades|helpers|time|run|fs|window|result|response|res)$/;
const NOT_A_METHOD =
  /^(?:wait|connect|attach|deployed|waitForDeployment|getAddress|then|catch|finally|log|toString|toNumber|toJSON|map|filter|forEach|push|estimateGas|populateTransaction|staticCall|send|call)$/;
const EXPECTED =
  /^(?:expected(?:\s+(?:result|output|value))?\s*[:=]|returns?\s*[:=]|expect(?:s|ed)?\s*[:=]?|should\s+(?:return|be|equal)\s*[:=]?)\s*(\S+?)\.?$/i;

function withoutComment(line: string): { code: string; comment: string | null } {
  const marker = line.search(/(?:^|\s)\/\/(?:\s|$)/);
  if (marker < 0) return { code: line, comment: null };
  const code = line.slice(0, marker);
  if ((code.split('"').length - 1) % 2 === 1 || (code.split("'").length - 1) % 2 === 1)
    return { code: line, comment: null };
  return {
    code,
    comment: line
      .slice(marker)
      .replace(/^\s*\/\/\s*/, "")
      .trim(),
  };
}

function splitOverrides(inside: string): { inside: string; value: string | null } {
  const overrides = /,?\s*\{\s*value\s*:\s*([^{}]+?)\s*\}\s*$/.exec(inside);
  return overrides
    ? { inside: inside.slice(0, overrides.index), value: overrides[1]! }
    : { inside, value: null };
}

/** "(" minus ")" outside quotes: how many parentheses a line leaves open (negative when it closes more). */
function openParentheses(code: string): number {
  let depth = 0;
  let quote: string | null = null;
  for (let index = 0; index < code.length; index++) {
    const char = code[index]!;
    if (quote !== null) {
      if (char === "\\") index++;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'" || char === "`") quote = char;
    else if (char === "(") depth++;
    else if (char === ")") depth--;
  }
  return depth;
}

/** A line's code without its comment and a console prompt (`>`, or a continuation prompt `...`). */
function codeOf(line: string): { code: string; comment: string | null } {
  const { code, comment } = withoutComment(line.trim());
  return { code: code.replace(/^(?:>+|\.{3})\s*/, "").trim(), comment };
}

/**
 * A reader for one block: bindings carry from line to line, as they do in the script. A binding whose
 * parentheses stay open is held (with the lines after it) until they close, then read as one line; if
 * they do not close within MAX_BINDING_LINES lines or MAX_LINE characters, the held lines are read one by
 * one after all, so every line is read at most twice.
 */
export function createScriptReader(): ScriptReader {
  const contracts = new Map<string, string>();
  const addresses = new Map<string, string>();
  const resolve = (written: string) => {
    const text = written.trim();
    return addresses.get(text) ?? targetOf(text);
  };
  let held: string[] = [];
  let heldCode = "";
  let heldDepth = 0;
  const readLine = (line: string): ScriptLineResult => {
    if (line.length > MAX_LINE) return { calls: [], expect: null };
    const { code, comment } = codeOf(line);
    return readCode(line, code, comment === null ? null : (EXPECTED.exec(comment)?.[1] ?? null));
  };
  const readHeld = (line: string): ScriptLineResult | null => {
    const { code } = codeOf(line);
    held.push(line);
    heldCode += ` ${code}`;
    heldDepth += openParentheses(code);
    if (heldDepth <= 0) {
      const joined = heldCode.trim();
      held = [];
      heldCode = "";
      return readCode(joined, joined, null);
    }
    if (held.length < MAX_BINDING_LINES && heldCode.length <= MAX_LINE) return null;
    return release();
  };
  /** Not a binding after all (or not one this reader can follow): the held lines, read as they are. */
  const release = (): ScriptLineResult => {
    const lines = held;
    held = [];
    heldCode = "";
    const result: ScriptLineResult = { calls: [], expect: null };
    for (const each of lines) {
      const { calls, expect } = readLine(each);
      result.calls.push(...calls);
      result.expect = expect ?? result.expect;
    }
    return result;
  };
  const readCode = (line: string, code: string, expected: string | null): ScriptLineResult => {
    const constant = ADDRESS_BINDING.exec(code);
    if (constant) {
      const target = targetOf(constant[2]!);
      if (target !== null) addresses.set(constant[1]!, target);
      return { calls: [], expect: expected };
    }
    const binding = CONTRACT_BINDING.exec(code);
    const created = binding ? null : CONTRACT_NEW.exec(code);
    if (binding || created) {
      const variable = (binding ?? created)![1]!;
      const address = binding ? binding[3] : created![2];
      const name = binding?.[2] ?? binding?.[4];
      const target =
        (address !== undefined ? resolve(address) : null) ?? (name !== undefined ? `<${name}>` : null);
      if (target !== null) contracts.set(variable, target);
      return { calls: [], expect: expected };
    }
    const calls: InferredCall[] = [];
    for (const match of code.matchAll(CALL)) {
      const [, awaited, receiver = "", name = "", written = ""] = match;
      const bound = contracts.get(receiver);
      const isContract =
        bound !== undefined ||
        (awaited !== undefined && !NOT_A_CONTRACT.test(receiver) && !contracts.has(receiver));
      if (!isContract || NOT_A_METHOD.test(name)) continue;
      const { inside, value } = splitOverrides(written);
      calls.push({
        kind: isReadName(name) ? "call" : "send",
        target: bound ?? `<${receiver}>`,
        name,
        inside,
        value,
        command: line.trim(),
      });
    }
    return { calls, expect: expected };
  };
  const read = (line: string): ScriptLineResult => {
    if (held.length > 0) return readHeld(line) ?? { calls: [], expect: null };
    if (line.length <= MAX_LINE) {
      const { code } = codeOf(line);
      const depth = BINDING_START.test(code) ? openParentheses(code) : 0;
      if (depth > 0) {
        held = [line];
        heldCode = code;
        heldDepth = depth;
        return { calls: [], expect: null };
      }
    }
    return readLine(line);
  };
  return Object.assign(read, { end: release });
}

/** A line that is JavaScript rather than shell: a console prompt, an await, a declaration. */
export function isScriptLine(line: string): boolean {
  return /^(?:>+\s*)?(?:await\s|(?:const|let|var)\s+[A-Za-z_$][\w$]*\s*=)/.test(line.trim());
}
