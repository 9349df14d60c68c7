export { type ChangePostMortemStatusOptions, changePostMortemStatus } from "./change-postmortem-status";
export { createActionItem } from "./create-action-item";
export {
  computePostMortemDueAt,
  DEFAULT_POSTMORTEM_DUE_SECONDS,
  type DueState,
  describeDue,
} from "./due-date";
export { exportPostMortem } from "./export-postmortem";
export { getPostMortem, type PostMortemRevisionView, type PostMortemView } from "./get-postmortem";
export { type ActionItemOptions, listActionItemOptions } from "./list-action-item-options";
export {
  type ActionItemFilterQuery,
  type ActionItemView,
  isActionItemOverdue,
  listActionItems,
  listOverdueActionItems,
} from "./list-action-items";
export { listOverduePostMortems, listPostMortems, type PostMortemListItem } from "./list-postmortems";
export { CONFLICT_MARKERS, type MergeResult, mergeTexts } from "./merge-texts";
export { onIncidentResolved } from "./on-incident-resolved";
export {
  DRAFT_PROMPTS,
  type DraftIncident,
  type DraftInput,
  renderPostMortemDraft,
} from "./render-postmortem-draft";
export { type ExportInput, renderPostMortemExport } from "./render-postmortem-export";
export {
  type CurrentPostMortemText,
  type SavePostMortemOptions,
  type SavePostMortemResult,
  savePostMortem,
} from "./save-postmortem";
export {
  ACTION_ITEM_STATUSES,
  type ActionItemStatusName,
  MAX_POSTMORTEM_CHARS,
  POSTMORTEM_STATUSES,
  type PostMortemStatusName,
  type TActionItemFilter,
  type TCreateActionItem,
  type TSavePostMortem,
  type TUpdateActionItem,
  ZActionItemFilter,
  ZChangePostMortemStatus,
  ZCreateActionItem,
  ZSavePostMortem,
  ZUpdateActionItem,
} from "./schemas";
export { type DraftEvent, type ProposalInfo, summarizeTimeline } from "./summarize-timeline";
export { updateActionItem } from "./update-action-item";
