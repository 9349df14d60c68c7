import { db } from "../db/client";
import type { WatchRule } from "../db/generated/client";
import { AppError } from "../errors";
import { type TWatchRuleInput, ZUpdateWatchRule, ZWatchRuleInput } from "./schemas";

export async function listWatchRules(): Promise<WatchRule[]> {
  return db().watchRule.findMany({ orderBy: { createdAt: "asc" } });
}

async function assertSeverity(name: string | null | undefined): Promise<void> {
  if (!name) return;
  const level = await db().severityLevel.findUnique({ where: { name } });
  if (!level)
    throw new AppError("UNPROCESSABLE", `severityName: ${name} is not a level of this protocol's scheme.`, {
      fields: [{ path: "severityName", message: `${name} is not a level of this protocol's scheme` }],
    });
}

export async function createWatchRule(input: TWatchRuleInput): Promise<WatchRule> {
  const parsed = ZWatchRuleInput.parse(input);
  await assertSeverity(parsed.severityName);
  return db().watchRule.create({ data: parsed });
}

export async function updateWatchRule(id: string, input: unknown): Promise<WatchRule> {
  const parsed = ZUpdateWatchRule.parse(input);
  await assertSeverity(parsed.severityName);
  const existing = await db().watchRule.findUnique({ where: { id } });
  if (!existing) throw new AppError("NOT_FOUND", "No such watch rule.");
  return db().watchRule.update({ where: { id }, data: parsed });
}

export async function deleteWatchRule(id: string): Promise<void> {
  const { count } = await db().watchRule.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("NOT_FOUND", "No such watch rule.");
}
