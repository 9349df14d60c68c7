import { db } from "../db/client";

/**
 * Display names for the ids stored as authors/approvers: members by id, API tokens by id (they can save
 * through the API). An unknown id is shown as such rather than hidden.
 */
export async function resolveAuthorNames(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const names = new Map<string, string>();
  if (wanted.length === 0) return names;
  const [members, tokens] = await Promise.all([
    db().member.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } }),
    db().apiToken.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } }),
  ]);
  for (const member of members) names.set(member.id, member.displayName);
  for (const token of tokens) names.set(token.id, `API token ${token.name}`);
  return names;
}

export function authorName(names: Map<string, string>, id: string | null): string {
  if (!id) return "Breakglass (generated draft)";
  return names.get(id) ?? `unknown (${id})`;
}
