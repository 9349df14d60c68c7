export { type ChainHealth, checkHealth, type Health } from "./check-health";
