// What client components may import from the auth domain: the role order, no session or database code.
export { hasRole, ROLES, type Role } from "./roles";
export { safeCallbackUrl } from "./safe-callback-url";
