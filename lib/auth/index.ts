export { createApiToken, findApiToken, hashApiToken, revokeApiToken } from "./api-tokens";
export { authOptions } from "./auth-options";
export { hasRole, ROLES, type Role } from "./roles";
export { type Actor, authorize, authorizeRead, findPageMember, requirePageMember } from "./session";
export { consumeSiweNonce, createSiweNonce } from "./siwe-nonce";
export { verifySiweLogin } from "./verify-siwe";
