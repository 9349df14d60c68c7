// What client components may import from the post-mortem domain: pure helpers, no database.
export { computePostMortemDueAt, type DueState, describeDue } from "./due-date";
export { CONFLICT_MARKERS, type MergeResult, mergeTexts } from "./merge-texts";
