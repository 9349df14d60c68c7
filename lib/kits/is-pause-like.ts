/**
 * Pausing is the only thing that may run automatically: stopping the protocol is always recoverable by
 * people, anything else (roles, caps, upgrades) is not. A kit is pause-like when every call's function name
 * says it stops something and none says it restarts something.
 */
const STOPS = /pause|freeze|halt|shutdown|stop/i;
const RESTARTS = /unpause|unfreeze|resume|restart|unhalt/i;

export function isPauseLike(calls: { functionName: string }[]): boolean {
  return calls.length > 0 && calls.every((c) => STOPS.test(c.functionName) && !RESTARTS.test(c.functionName));
}
