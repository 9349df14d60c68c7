export {
  createApiToken,
  effectiveTokenRole,
  findApiToken,
  hashApiToken,
  revokeApiToken,
  type TCreateApiToken,
  ZCreateApiToken,
} from "./api-tokens";
export { authOptions } from "./auth-options";
export { authenticateRoute } from "./authenticate-route";
export { currentRoleOf, ROLE_SNAPSHOT_MS, stillHasRole } from "./current-roles";
export { type ApiTokenRow, listApiTokens } from "./list-api-tokens";
export { hasRole, ROLES, type Role } from "./roles";
export { LOGIN_ERRORS, loginErrorMessage, safeCallbackPath, safeRedirectTarget } from "./safe-redirect";
export {
  type Actor,
  type Authenticated,
  authorize,
  checkRole,
  findPageMember,
  identify,
  requirePageMember,
} from "./session";
export { consumeSiweNonce, createSiweNonce } from "./siwe-nonce";
export { verifySiweLogin } from "./verify-siwe";
