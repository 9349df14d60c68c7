export type SafeForBanner = {
  label: string;
  address: string;
  threshold: number | null;
  owners: string[];
  roles: { contract: string; role: string }[];
};

const DUTIES: { duty: string; roles: string[] }[] = [
  { duty: "pause", roles: ["GUARDIAN_ROLE", "EMERGENCY_ROLE"] },
  { duty: "unpause, admin", roles: ["DEFAULT_ADMIN_ROLE"] },
  { duty: "reset the oracle", roles: ["KEEPER_ROLE"] },
  { duty: "set oracle feeds", roles: ["ORACLE_ADMIN_ROLE"] },
];

/**
 * The demo banner's account of who may do what, from what was just read from the chain (each Safe's
 * owners, threshold and the AccessControl roles it holds) and the registry's member names. The roles'
 * meaning follows the demo contracts: pausing needs GUARDIAN_ROLE or EMERGENCY_ROLE, unpausing and every
 * role change need DEFAULT_ADMIN_ROLE (separation of duties).
 */
export function describeSafeDuties(safes: SafeForBanner[], memberNames: Map<string, string>): string[] {
  const nameOf = (address: string) => memberNames.get(address.toLowerCase()) ?? address;
  return safes.flatMap((safe) => {
    const held = (roles: string[]) =>
      safe.roles
        .filter((role) => roles.includes(role.role))
        .map((role) => `${role.role} on ${role.contract}`);
    const known = new Set(DUTIES.flatMap((entry) => entry.roles));
    const duties = [
      ...DUTIES.map((entry) => ({ duty: entry.duty, held: held(entry.roles) })).filter((e) => e.held.length),
      ...safe.roles
        .filter((role) => !known.has(role.role))
        .map((role) => ({ duty: role.role, held: [`on ${role.contract}`] })),
    ];
    const threshold = safe.threshold === null ? "?" : String(safe.threshold);
    return [
      `  ${safe.label} ${safe.address} (${threshold} of ${safe.owners.length}): owners ${safe.owners.map(nameOf).join(", ")}`,
      duties.length === 0
        ? "    may do nothing on the demo contracts (holds no role)"
        : `    may ${duties.map((entry) => `${entry.duty} (${entry.held.join(", ")})`).join("; ")}`,
    ];
  });
}
