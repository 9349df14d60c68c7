import { randomBytes } from "node:crypto";
import { createApiToken, type Role } from "../../lib/auth";
import { db } from "../../lib/db/client";
import { declareIncident, formatIncidentRef } from "../../lib/incidents";
import { EXAMPLE_RUNBOOK_SLUG } from "../support/runbook-fixtures";

/** Shared by the runbooks-*.test.ts files: unique rows per test, real route handlers with real API tokens. */

export const author = { type: "system" as const, id: null, label: "runbooks test" };

export function unique(prefix = ""): string {
  return `${prefix}${randomBytes(4).toString("hex")}`;
}

/** A small runbook with a unique title (so a unique document), a checklist, an action and a verification. */
export function smallRunbook(title: string, extra = ""): string {
  return `# ${title}

## Pause everything

**Who:** Any \`GUARDIAN_ROLE\` holder
**Severity:** P1

\`\`\`bash
cast send $GLOBAL_PAUSE_REGISTRY "pauseGlobal()" --rpc-url $RPC_URL
cast call $GLOBAL_PAUSE_REGISTRY "isGloballyPaused()(bool)" --rpc-url $RPC_URL
# Expected: true
\`\`\`

- [ ] Tell the team
- [ ] Post a status update
${extra}`;
}

export async function declare(severity = "P1") {
  const { incident } = await declareIncident({
    input: { title: `Runbook incident ${unique()}`, severity },
    author,
  });
  return { incident, ref: formatIncidentRef(incident.number) };
}

/** The project's example runbook as the demo seed imported it (the global setup runs the seed). */
export async function seededExampleVersion() {
  const document = await db().runbookDocument.findUniqueOrThrow({
    where: { slug: EXAMPLE_RUNBOOK_SLUG },
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
  });
  return document.versions[0]!;
}

export async function bearer(role: Role): Promise<Record<string, string>> {
  const { token } = await createApiToken({ name: unique(`runbooks-${role}-`), role, createdBy: "cli" });
  return { authorization: `Bearer ${token}` };
}

export function jsonRequest(url: string, method: string, headers: Record<string, string>, body?: unknown) {
  return new Request(`http://localhost${url}`, {
    method,
    headers: { ...headers, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export { GLOBAL_PAUSE_ANCHOR } from "../support/runbook-fixtures";
