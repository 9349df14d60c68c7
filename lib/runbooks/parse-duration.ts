// Durations as runbooks write them: "24 hours", "24h", "15 min", "<1 hour", "3600s", "an hour".

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

const DURATION =
  /\b(\d+(?:\.\d+)?)\s*(?:-\s*)?(?:(?:business|working|calendar)\s+)?(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w)\b|\b(half\s+(?:an?\s+)?|an?\s+|one\s+)(second|minute|hour|day|week)\b/i;

function unitSeconds(unit: string): number {
  const lower = unit.toLowerCase();
  // "m" alone is minutes; "mo"/"month" never reach here because the regex stops at a word boundary.
  const key = lower.startsWith("min") || lower === "m" ? "m" : lower[0]!;
  return UNIT_SECONDS[key] ?? 0;
}

/** The first duration in `text`, in whole seconds, or null. */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text);
  if (!match) return null;
  const amount = match[1] !== undefined ? Number(match[1]) : /^half/i.test(match[3]!) ? 0.5 : 1;
  const seconds = Math.round(amount * unitSeconds(match[2] ?? match[4]!));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

/**
 * A severity level's response target: "Immediate (<15 min)" → 900, "<1 hour" → 3600,
 * "Next business day" → 86400. A bare "Immediate" has no number to derive, so it stays null.
 */
export function parseResponseTarget(text: string): number | null {
  if (/\bnext\s+(?:business\s+|working\s+)?day\b/i.test(text)) return 86_400;
  // "Respond within 15 min, updates every 30 min": the target is the duration after the response word;
  // a text that only states a cadence has no response target.
  const response = /\b(?:respon|acknowledg|ack\b|within\b|<)/i.exec(text);
  if (response) return parseDuration(text.slice(response.index));
  if (/\b(?:every|updates?|cadence|hourly|daily)\b/i.test(text)) return null;
  return parseDuration(text);
}

const STEP_PREFIX = /^\s*(?:step\s*\d+\s*[:.)-]\s*|\d+\s*[.)]\s+)/i;
const DELAY_CONSTANT = /^[A-Z][A-Z0-9_]*(?:DELAY|TIMELOCK|PERIOD|COOLDOWN)\s*[=:]\s*(.+)$/;
// Up to two words between the duration and the word: "6 hour emergency delay", "48h timelock".
const TIMELOCK_MENTION =
  /\b\d+(?:\.\d+)?\s*(?:-\s*)?(?:seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w)\b(?:[\s-]{1,3}[A-Za-z]{1,20}){0,2}?[\s-]{0,3}(?:timelock|time-lock|delay|cooldown)\b|\b(?:timelock|delay|cooldown)\s*(?:of|=|:)\s*\d/i;

/**
 * A wait instruction: "Wait 24 hours", "Step 2: Wait 24 hours (UNPAUSE_DELAY = 24 hours)",
 * "UNPAUSE_DELAY = 24 hours". Returns its duration, or null when the text is not a wait.
 */
const WAIT_PHRASE =
  /\bwait(?:ing)?\s+(?:for\s+)?(?:at\s+least\s+|about\s+|another\s+|~\s*)?(?=\d|an?\s|one\s|half\s)/i;

export function parseWait(text: string): number | null {
  if (!/wait|delay|timelock|period|cooldown|after/i.test(text)) return null;
  const body = text.replace(STEP_PREFIX, "").trim();
  if (/^wait\b/i.test(body)) return parseDuration(body);
  // "# After 48 hours" above a timelocked call; "queue it, wait 60 s, then execute".
  if (/^after\s+(?:\d|an?\s|one\s|half\s)/i.test(body)) return parseDuration(body);
  const phrase = WAIT_PHRASE.exec(body);
  if (phrase) return parseDuration(body.slice(phrase.index));
  const constant = DELAY_CONSTANT.exec(body);
  return constant ? parseDuration(constant[1]!) : null;
}

/** A timelock or delay the text mentions without being a wait itself: "24h timelock has elapsed". */
export function parseTimelockMention(text: string): number | null {
  if (!/timelock|time-lock|delay|cooldown/i.test(text)) return null;
  const mention = TIMELOCK_MENTION.exec(text);
  return mention ? parseDuration(text.slice(mention.index)) : null;
}

/** `sleep 30`, `sleep 5m` as a shell command. */
export function parseSleepCommand(command: string): number | null {
  const match = /^sleep\s+(\d+(?:\.\d+)?)([smhd]?)\s*$/.exec(command.trim());
  if (!match) return null;
  return Math.round(Number(match[1]) * (UNIT_SECONDS[match[2] || "s"] ?? 1));
}
