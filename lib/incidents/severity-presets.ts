/**
 * Severity schemes as the seed runbooks define them. Where a runbook says only "Immediate" (mpc-wallet SEV1)
 * we use 5 minutes: a target must be a number for the acknowledge-by timer, and "immediate" means at once.
 */
export type SeverityPresetLevel = {
  name: string;
  rank: number;
  definition: string;
  examples: string;
  responseTargetSeconds: number;
  updateCadenceSeconds: number;
  postmortemDueSeconds: number;
  color: string;
};

const MIN = 60;
const HOUR = 60 * MIN;
const RED = "#dc2626";
const ORANGE = "#ea580c";
const AMBER = "#ca8a04";
const BLUE = "#2563eb";

export const SEVERITY_PRESETS: Record<string, SeverityPresetLevel[]> = {
  "P1-P4": [
    {
      name: "P1",
      rank: 0,
      definition: "Critical: active exploit, fund loss, bridge compromise",
      examples: "Unauthorized minting, bridge attestation forgery",
      responseTargetSeconds: 15 * MIN,
      updateCadenceSeconds: 30 * MIN,
      postmortemDueSeconds: 48 * HOUR,
      color: RED,
    },
    {
      name: "P2",
      rank: 1,
      definition: "High: service degraded, potential fund risk",
      examples: "Oracle stale, relay down, DB unresponsive",
      responseTargetSeconds: HOUR,
      updateCadenceSeconds: 30 * MIN,
      postmortemDueSeconds: 48 * HOUR,
      color: ORANGE,
    },
    {
      name: "P3",
      rank: 2,
      definition: "Medium: degraded UX, no fund risk",
      examples: "Frontend errors, monitoring gaps, slow queries",
      responseTargetSeconds: 4 * HOUR,
      updateCadenceSeconds: 2 * HOUR,
      postmortemDueSeconds: 7 * 24 * HOUR,
      color: AMBER,
    },
    {
      name: "P4",
      rank: 3,
      definition: "Low: cosmetic, informational",
      examples: "Log noise, non-critical config drift",
      responseTargetSeconds: 24 * HOUR,
      updateCadenceSeconds: 24 * HOUR,
      postmortemDueSeconds: 14 * 24 * HOUR,
      color: BLUE,
    },
  ],
  "SEV1-SEV4": [
    {
      name: "SEV1",
      rank: 0,
      definition: "Critical outage",
      examples: "<4 nodes available, signing blocked",
      responseTargetSeconds: 5 * MIN,
      updateCadenceSeconds: 30 * MIN,
      postmortemDueSeconds: 48 * HOUR,
      color: RED,
    },
    {
      name: "SEV2",
      rank: 1,
      definition: "Major degradation",
      examples: "High error rate, performance issues",
      responseTargetSeconds: 15 * MIN,
      updateCadenceSeconds: 30 * MIN,
      postmortemDueSeconds: 48 * HOUR,
      color: ORANGE,
    },
    {
      name: "SEV3",
      rank: 2,
      definition: "Minor impact",
      examples: "Single node down, degraded mode",
      responseTargetSeconds: HOUR,
      updateCadenceSeconds: 2 * HOUR,
      postmortemDueSeconds: 7 * 24 * HOUR,
      color: AMBER,
    },
    {
      name: "SEV4",
      rank: 3,
      definition: "Low impact",
      examples: "Warning alerts, monitoring gaps",
      responseTargetSeconds: 4 * HOUR,
      updateCadenceSeconds: 24 * HOUR,
      postmortemDueSeconds: 14 * 24 * HOUR,
      color: BLUE,
    },
  ],
  "P0-P3": [
    {
      name: "P0",
      rank: 0,
      definition: "Critical: service down",
      examples: "Contract paused, funds at risk",
      responseTargetSeconds: 15 * MIN,
      updateCadenceSeconds: 30 * MIN,
      postmortemDueSeconds: 48 * HOUR,
      color: RED,
    },
    {
      name: "P1",
      rank: 1,
      definition: "High: major degradation",
      examples: "High failure rate, stuck transactions",
      responseTargetSeconds: 30 * MIN,
      updateCadenceSeconds: 30 * MIN,
      postmortemDueSeconds: 48 * HOUR,
      color: ORANGE,
    },
    {
      name: "P2",
      rank: 2,
      definition: "Medium: minor impact",
      examples: "Elevated latency, single relayer down",
      responseTargetSeconds: 2 * HOUR,
      updateCadenceSeconds: 2 * HOUR,
      postmortemDueSeconds: 7 * 24 * HOUR,
      color: AMBER,
    },
    {
      name: "P3",
      rank: 3,
      definition: "Low: informational",
      examples: "Unusual patterns, capacity warnings",
      responseTargetSeconds: 24 * HOUR,
      updateCadenceSeconds: 24 * HOUR,
      postmortemDueSeconds: 14 * 24 * HOUR,
      color: BLUE,
    },
  ],
};
