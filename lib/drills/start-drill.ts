import { randomInt } from "node:crypto";
import type { Actor } from "../auth";
import { listChains, startAnvil } from "../chain";
import { type DbTransaction, db } from "../db/client";
import type { Drill, Incident } from "../db/generated/client";
import { AppError } from "../errors";
import { declareIncident } from "../incidents";
import { attachRunbookInTx, type ParsedRunbook } from "../runbooks";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { drillForks } from "./fork-processes";
import { type TStartDrill, ZStartDrill } from "./schemas";

// Drill chain ids come from a range no public chain uses, so a drill's EIP-712 domain never matches a real one.
const DRILL_CHAIN_ID_BASE = 1_900_000_000;

/**
 * Starts a drill: an anvil fork of a registry chain at its latest block, **with a chain id of its own** (so
 * nothing signed during the drill is valid on the real chain), registered as a drill chain with copies of
 * the source chain's contracts and Safes (same addresses: the fork has their code and state), and an
 * incident with isDrill and the runbook section attached. Declaration, registration and the drill row are
 * one transaction; if it fails, the fork is stopped and nothing stays.
 */
export async function startDrill(options: {
  input: TStartDrill;
  author: EventAuthor;
  actor: Actor | null;
}): Promise<{ drill: Drill; incident: Incident }> {
  const input = ZStartDrill.parse(options.input);
  const version = await db().runbookVersion.findUnique({
    where: { id: input.runbookVersionId },
    include: { document: { select: { title: true } } },
  });
  if (!version) throw fieldError("runbookVersionId", "is not a runbook version");
  const section = (version.parsed as ParsedRunbook).runbooks.find((r) => r.anchor === input.anchor);
  if (!section) throw fieldError("anchor", "is not a section of that runbook version");

  const chains = await listChains();
  const source = input.sourceChainId
    ? chains.find((chain) => chain.id === input.sourceChainId)
    : chains.find((chain) => chain.drillSourceChainId === null && chain.rpcUrls.length > 0);
  if (!source) throw fieldError("sourceChainId", "is not a registry chain with an RPC URL");
  if (source.drillSourceChainId !== null) throw fieldError("sourceChainId", "is itself a drill's fork");

  const severity = input.severity ?? (await mostSevereLevel());
  const forkChainId = await unusedDrillChainId();
  const started = Date.now();
  const fork = await startFork(source.rpcUrls, forkChainId);
  try {
    const forkBlock = Number(await blockNumber(fork.rpcUrl));
    const forkReadyAt = new Date();
    let drill: Drill | undefined;
    const { incident } = await declareIncident({
      input: {
        title: `Drill: ${section.title}`.slice(0, 200),
        severity,
        impact: `Rehearsal of "${section.title}" on a fork of ${source.name} at block ${forkBlock}. Nothing here touches the real chain.`,
        detectedVia: "other",
        runbooks: [{ versionId: version.id, anchor: section.anchor }],
        isDrill: true,
      },
      author: options.author,
      attachRunbook: attachRunbookInTx,
      commander: options.actor,
      now: new Date(started),
      onDeclared: async (tx, created) => {
        await registerForkChain(tx, {
          sourceChainId: source.id,
          forkChainId,
          rpcUrl: fork.rpcUrl,
          name: source.name,
        });
        drill = await tx.drill.create({
          data: {
            incidentId: created.id,
            sourceChainId: source.id,
            forkChainId,
            forkBlock,
            rpcUrl: fork.rpcUrl,
            pid: fork.pid ?? null,
            runbookVersionId: version.id,
            sectionAnchor: section.anchor,
            sectionTitle: section.title,
            startedById: options.actor?.kind === "member" ? options.actor.id : null,
            startedAt: new Date(started),
            forkReadyAt,
          },
        });
        await appendTimelineEvent(tx, {
          incidentId: created.id,
          kind: "drill.started",
          author: options.author,
          payload: {
            drillId: drill.id,
            sourceChainId: source.id,
            forkChainId,
            forkBlock,
            runbook: version.document.title,
            section: section.title,
          },
        });
      },
    });
    if (!drill) throw new Error("the drill was not registered");
    drillForks().set(drill.id, fork);
    return { drill, incident };
  } catch (error) {
    await fork.stop();
    throw error;
  }
}

async function startFork(rpcUrls: string[], chainId: number) {
  let lastError: unknown;
  // The registry's URLs in order of preference, as every other chain read.
  for (const url of rpcUrls) {
    try {
      return await startAnvil({ fork: { url }, chainId });
    } catch (error) {
      lastError = error;
    }
  }
  throw new AppError(
    "UNAVAILABLE",
    `The fork could not start: ${(lastError as Error)?.message ?? "no RPC URL"}`,
  );
}

/** The fork's copies of the source chain's contracts and Safes, at the same addresses. */
async function registerForkChain(
  tx: DbTransaction,
  o: { sourceChainId: number; forkChainId: number; rpcUrl: string; name: string },
): Promise<void> {
  const source = await tx.chain.findUniqueOrThrow({
    where: { id: o.sourceChainId },
    include: { contracts: true, safes: true },
  });
  await tx.chain.create({
    data: {
      id: o.forkChainId,
      name: `Drill fork of ${o.name}`,
      rpcUrls: [o.rpcUrl],
      explorerUrl: null,
      safeContracts: source.safeContracts ?? undefined,
      drillSourceChainId: o.sourceChainId,
    },
  });
  if (source.contracts.length) {
    await tx.contract.createMany({
      data: source.contracts.map((contract) => ({
        name: contract.name,
        address: contract.address,
        chainId: o.forkChainId,
        abi: contract.abi ?? undefined,
        // Placeholders stay with the real contracts; a drill's actions map to these copies by address.
        placeholders: [],
      })),
    });
  }
  if (source.safes.length) {
    await tx.safe.createMany({
      data: source.safes.map((safe) => ({
        address: safe.address,
        chainId: o.forkChainId,
        label: safe.label,
        owners: safe.owners,
        threshold: safe.threshold,
        nonce: safe.nonce,
        roles: safe.roles ?? undefined,
        readAt: safe.readAt,
      })),
    });
  }
}

async function unusedDrillChainId(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const id = DRILL_CHAIN_ID_BASE + randomInt(1, 99_999_999);
    if (!(await db().chain.findUnique({ where: { id }, select: { id: true } }))) return id;
  }
  throw new AppError("CONFLICT", "No free drill chain id was found; try again.");
}

async function mostSevereLevel(): Promise<string> {
  const level = await db().severityLevel.findFirst({ orderBy: [{ rank: "asc" }, { name: "asc" }] });
  if (!level)
    throw new AppError("CONFLICT", "The protocol has no severity scheme yet (Settings → Severity scheme).");
  return level.name;
}

async function blockNumber(rpcUrl: string): Promise<bigint> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }),
  });
  return BigInt(((await response.json()) as { result: string }).result);
}

function fieldError(path: string, message: string): AppError {
  return new AppError("UNPROCESSABLE", `${path}: ${message}.`, { fields: [{ path, message }] });
}
