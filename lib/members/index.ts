export { changeMemberRole, listMembers, upsertMember } from "./manage-members";
export { type TUpsertMember, ZAddress, ZChangeRole, ZRole, ZUpsertMember } from "./schemas";
