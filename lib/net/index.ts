export {
  assertPublicUrl,
  isHostAllowed,
  isPublicAddress,
  OUTBOUND_REFUSED_REASON,
  OutboundRefusedError,
  parseOutboundAllowList,
  publicLookup,
} from "./assert-public-url";
export { freePort, isPortFree } from "./free-port";
export { ZHttpUrl } from "./http-url-schema";
export { OUTBOUND_UNREACHABLE_REASON, type OutboundResult, postToPublicUrl } from "./post-to-public-url";
