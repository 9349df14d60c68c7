import type { AnvilInstance } from "../chain";

// The forks this server process started. A fork lives beside the console instance that started it; another
// instance on the same host stops it by its pid (see stop-drill.ts).
const state = globalThis as unknown as { breakglassDrillForks?: Map<string, AnvilInstance> };

export function drillForks(): Map<string, AnvilInstance> {
  state.breakglassDrillForks ??= new Map();
  return state.breakglassDrillForks;
}
