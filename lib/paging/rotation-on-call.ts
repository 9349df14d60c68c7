export type RotationShape = {
  period: string;
  handoffAt: Date;
  memberIds: string[];
  overrides: unknown;
};

const PERIOD_MS: Record<string, number> = { daily: 86_400_000, weekly: 7 * 86_400_000 };

/**
 * Who is on call at `now`: an override covering `now` wins; otherwise the member whose turn it is, counting
 * whole periods since the first hand-off (before it, the first member). Pure: the dashboard and the pager agree.
 */
export function onCallAt(rotation: RotationShape, now: Date): { memberId: string; until: Date } | null {
  if (rotation.memberIds.length === 0) return null;
  const overrides = (Array.isArray(rotation.overrides) ? rotation.overrides : []) as {
    memberId: string;
    startsAt: string | Date;
    endsAt: string | Date;
  }[];
  for (const override of overrides) {
    const startsAt = new Date(override.startsAt);
    const endsAt = new Date(override.endsAt);
    if (startsAt <= now && now < endsAt) return { memberId: override.memberId, until: endsAt };
  }
  const period = PERIOD_MS[rotation.period] ?? PERIOD_MS.weekly!;
  const elapsed = now.getTime() - rotation.handoffAt.getTime();
  const turn = elapsed < 0 ? 0 : Math.floor(elapsed / period);
  const memberId = rotation.memberIds[turn % rotation.memberIds.length]!;
  const until = new Date(rotation.handoffAt.getTime() + (elapsed < 0 ? 0 : (turn + 1) * period));
  return { memberId, until };
}
