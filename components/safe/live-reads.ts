import { parseAbi } from "viem";

/** The emergency-state reads the live panel shows for every registry contract whose ABI has them. */
export const LIVE_READ_ABI = parseAbi([
  "function isGloballyPaused() view returns (bool)",
  "function paused() view returns (bool)",
  "function currentNonce() view returns (uint256)",
  "function getRemainingDailyCapLimit() view returns (uint256)",
  "function supplyCap() view returns (uint256)",
  "function unpauseRequestTime() view returns (uint256)",
]);
export const LIVE_READS: string[] = LIVE_READ_ABI.map((item) => item.name);
