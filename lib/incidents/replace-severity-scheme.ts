import { db } from "../db/client";
import type { SeverityLevel } from "../db/generated/client";
import { type TSeverityScheme, ZSeverityScheme } from "./schemas";
import { SEVERITY_PRESETS } from "./severity-presets";

/**
 * Replaces the whole scheme in one transaction (rank = position in the list). Incidents are untouched:
 * each keeps the copy of the level it was declared with.
 */
export async function replaceSeverityScheme(options: {
  input: TSeverityScheme;
  schemeName?: string;
}): Promise<SeverityLevel[]> {
  const { levels } = ZSeverityScheme.parse(options.input);
  return db().$transaction(async (tx) => {
    // Delete-then-create: renames and reorders cannot trip the unique name index half-way.
    await tx.severityLevel.deleteMany({});
    await tx.severityLevel.createMany({ data: levels.map((level, rank) => ({ ...level, rank })) });
    await tx.workspace.upsert({
      where: { id: "default" },
      create: { name: "Protocol", severityScheme: options.schemeName ?? "custom" },
      update: { severityScheme: options.schemeName ?? "custom" },
    });
    return tx.severityLevel.findMany({ orderBy: { rank: "asc" } });
  });
}

export function applySeverityPreset(preset: keyof typeof SEVERITY_PRESETS): Promise<SeverityLevel[]> {
  const levels = SEVERITY_PRESETS[preset];
  if (!levels) throw new Error(`unknown preset ${preset}`);
  return replaceSeverityScheme({
    input: { levels: levels.map(({ rank: _rank, ...level }) => level) },
    schemeName: preset,
  });
}
