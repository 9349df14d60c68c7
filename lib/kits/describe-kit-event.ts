import { shortAddress } from "./describe-config-change";
import { KIT_EVENT_SCHEMAS, type KitEventKind, type KitEventPayload } from "./kit-event-kinds";

/**
 * One line for a kit's audit log, from its typed payload. A row whose payload no longer parses (an older
 * schema) falls back to its kind rather than printing "undefined".
 */
export function describeKitEvent(event: { kind: string; payload: unknown }): string {
  const schema = KIT_EVENT_SCHEMAS[event.kind as KitEventKind];
  const parsed = schema?.safeParse(event.payload);
  if (!parsed?.success) return event.kind.replace("kit.", "kit ").replaceAll("_", " ");
  const p = parsed.data as Record<string, unknown>;
  switch (event.kind as KitEventKind) {
    case "kit.created":
      return `created on ${p.safe}: ${(p.calls as string[]).join(", ")}`;
    case "kit.signed":
      return `signed by ${shortAddress(p.owner as string)} at nonce ${p.nonce}`;
    case "kit.state_changed":
      return `${p.from ?? "new"} → ${p.to}${p.reason ? `: ${p.reason}` : ""}`;
    case "kit.exported":
      return `exported to an offline vault (${p.signatures} signatures)`;
    case "kit.imported":
      return `imported from a vault file: ${p.accepted} signatures accepted, ${p.refused} refused`;
    case "kit.automation_changed":
      return p.isAutoEnabled
        ? `automatic break glass turned on (cool-down ${p.autoCooldownSeconds} s)`
        : "automatic break glass turned off";
    case "kit.retired": {
      const copies = listCopies(parsed.data as KitEventPayload<"kit.retired">);
      const kept = copies
        ? `; the signatures in ${copies} made earlier stay valid on chain up to nonce ${p.highestSignedNonce}`
        : "";
      return `retired: ${p.reason}. ${p.signaturesDestroyed} stored signatures destroyed${kept}`;
    }
    case "kit.used":
      return `used (${p.mode}) at nonce ${p.nonce}${p.alert ? `, by the alert ${p.alert}` : ""}`;
  }
}

export type KitLogLine = { id: number; createdAt: Date; authorLabel: string; text: string };

/**
 * The audit log as a page shows it, newest first: one owner signing a ladder is one line ("at nonces 2–6"),
 * not one line per nonce.
 */
export function summarizeKitLog(
  events: { id: number; kind: string; payload: unknown; createdAt: Date; authorLabel: string }[],
): KitLogLine[] {
  const lines: (KitLogLine & { owner?: string; nonces?: number[] })[] = [];
  for (const event of events) {
    const signed =
      event.kind === "kit.signed" ? KIT_EVENT_SCHEMAS["kit.signed"].safeParse(event.payload) : null;
    const last = lines.at(-1);
    if (signed?.success && last?.owner === signed.data.owner && last.authorLabel === event.authorLabel) {
      last.nonces!.push(signed.data.nonce);
      const nonces = [...last.nonces!].sort((a, b) => a - b);
      last.text = `signed by ${shortAddress(signed.data.owner)} at nonces ${describeNonces(nonces)}`;
      continue;
    }
    lines.push({
      id: event.id,
      createdAt: event.createdAt,
      authorLabel: event.authorLabel,
      text: describeKitEvent(event),
      ...(signed?.success ? { owner: signed.data.owner, nonces: [signed.data.nonce] } : {}),
    });
  }
  return lines.map(({ id, createdAt, authorLabel, text }) => ({ id, createdAt, authorLabel, text }));
}

/** 2, 3, 4, 6 → "2–4, 6". */
function describeNonces(nonces: number[]): string {
  const runs: [number, number][] = [];
  for (const n of nonces) {
    const run = runs.at(-1);
    if (run && n === run[1] + 1) run[1] = n;
    else if (!run || n !== run[1]) runs.push([n, n]);
  }
  return runs.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(", ");
}

/** "1 vault export", "2 vault exports", "" for none. */
function plural(count: number, noun: string): string {
  return count === 0 ? "" : `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * What a retired kit left outside this server, from its kit.retired entry: copies whose signatures still
 * execute on chain until the Safe's nonce passes them. Null when there are none (or the entry is unreadable).
 */
export function describeOutstandingCopies(payload: unknown): string | null {
  const parsed = KIT_EVENT_SCHEMAS["kit.retired"].safeParse(payload);
  if (!parsed.success) return null;
  const copies = listCopies(parsed.data);
  if (!copies) return null;
  const verb = parsed.data.exports + parsed.data.unsentHandovers === 1 ? "was" : "were";
  return `${copies} ${verb} made before: those signatures still execute on chain until the Safe's nonce passes ${parsed.data.highestSignedNonce}.`;
}

/** "1 vault export and 2 unsent wallet hand-overs": what a retirement left outside; "" for nothing. */
function listCopies(retired: KitEventPayload<"kit.retired">): string {
  return [plural(retired.exports, "vault export"), plural(retired.unsentHandovers, "unsent wallet hand-over")]
    .filter(Boolean)
    .join(" and ");
}
