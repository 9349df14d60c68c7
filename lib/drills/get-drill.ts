import { db } from "../db/client";
import type { Drill } from "../db/generated/client";
import { AppError } from "../errors";
import { formatIncidentRef } from "../incidents";
import { collectSectionSteps, type ParsedRunbook } from "../runbooks";
import { computeDrillScore, type DrillScore, type DrillScoreInput } from "./compute-drill-score";

export type DrillView = {
  id: string;
  state: Drill["state"];
  incident: { id: string; ref: string; title: string; status: string };
  sourceChain: { id: number; name: string };
  forkChainId: number;
  /** The fork's own RPC (a local anvil beside the console): the facilitator hands it to signers' wallets. */
  forkRpcUrl: string;
  forkBlock: number;
  sectionTitle: string;
  runbookVersionId: string | null;
  startedAt: Date;
  forkReadySeconds: number | null;
  stoppedAt: Date | null;
  score: DrillScore;
  /** Open proposals on the fork and the owners who have not signed (for the facilitator's stand-ins). */
  openProposals: { id: string; title: string; safeLabel: string; signed: string[]; owners: string[] }[];
  forkContracts: { id: string; name: string; address: string }[];
};

/** The timeline, start and checklist of a drill, as the score reads them. */
export async function loadDrillEvents(drill: Drill): Promise<DrillScoreInput> {
  const [incident, events, runs] = await Promise.all([
    db().incident.findUniqueOrThrow({ where: { id: drill.incidentId }, select: { acknowledgedAt: true } }),
    db().timelineEvent.findMany({
      where: { incidentId: drill.incidentId },
      select: { kind: true, payload: true, createdAt: true },
      orderBy: { id: "asc" },
    }),
    db().incidentRunbook.findMany({
      where: { incidentId: drill.incidentId },
      include: { version: { select: { parsed: true } } },
    }),
  ]);
  return {
    startedAt: drill.startedAt,
    acknowledgedAt: incident.acknowledgedAt,
    events: events.map((e) => ({ ...e, payload: (e.payload ?? {}) as Record<string, unknown> })),
    checklist: runs.flatMap((run) =>
      collectSectionSteps(run.version.parsed as ParsedRunbook, run.anchor)
        .filter(({ step }) => step.kind !== "note")
        .map(({ index, step }) => ({ key: `${run.id}:${index}`, text: stepText(step) })),
    ),
  };
}

function stepText(step: unknown): string {
  const s = step as { text?: string; title?: string; kind: string };
  return s.text ?? s.title ?? s.kind;
}

export async function getDrill(drillId: string): Promise<DrillView> {
  const drill = await db().drill.findUnique({
    where: { id: drillId },
    include: { incident: { select: { id: true, number: true, title: true, status: true } } },
  });
  if (!drill) throw new AppError("NOT_FOUND", "No such drill.");
  const [input, source, proposals, contracts] = await Promise.all([
    loadDrillEvents(drill),
    db().chain.findUnique({ where: { id: drill.sourceChainId }, select: { id: true, name: true } }),
    db().safeProposal.findMany({
      where: { incidentId: drill.incidentId, state: { in: ["signing", "ready"] } },
      include: { safe: true, signatures: { select: { owner: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db().contract.findMany({
      where: { chainId: drill.forkChainId },
      select: { id: true, name: true, address: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return {
    id: drill.id,
    state: drill.state,
    incident: {
      id: drill.incident.id,
      ref: formatIncidentRef(drill.incident.number),
      title: drill.incident.title,
      status: drill.incident.status,
    },
    sourceChain: source ?? { id: drill.sourceChainId, name: `chain ${drill.sourceChainId}` },
    forkChainId: drill.forkChainId,
    forkRpcUrl: drill.rpcUrl,
    forkBlock: drill.forkBlock,
    sectionTitle: drill.sectionTitle,
    runbookVersionId: drill.runbookVersionId,
    startedAt: drill.startedAt,
    forkReadySeconds: drill.forkReadyAt
      ? Math.round((drill.forkReadyAt.getTime() - drill.startedAt.getTime()) / 100) / 10
      : null,
    stoppedAt: drill.stoppedAt,
    score: computeDrillScore(input),
    openProposals: proposals.map((p) => ({
      id: p.id,
      title: p.title,
      safeLabel: p.safe.label,
      signed: p.signatures.map((s) => s.owner),
      owners: p.safe.owners,
    })),
    forkContracts: contracts,
  };
}

/** The drill of an incident, if it is one (for the incident page's banner). */
export async function findIncidentDrill(incidentId: string) {
  return db().drill.findUnique({
    where: { incidentId },
    select: { id: true, state: true, forkChainId: true, sourceChainId: true, sectionTitle: true },
  });
}
