import { describe, expect, it } from "vitest";
import { describeSafeDuties } from "./describe-safe-duties";

describe("describeSafeDuties", () => {
  const names = new Map([
    ["0xaa", "Alice Ng"],
    ["0xbb", "Bob Okafor"],
  ]);

  it("names the owners and groups the roles held into pause / unpause, admin", () => {
    const lines = describeSafeDuties(
      [
        {
          label: "Guardian Safe",
          address: "0xSAFE",
          threshold: 2,
          owners: ["0xAA", "0xBB", "0xCC"],
          roles: [
            { contract: "BLEBridgeV9", role: "EMERGENCY_ROLE" },
            { contract: "GlobalPauseRegistry", role: "GUARDIAN_ROLE" },
            { contract: "PriceOracle", role: "KEEPER_ROLE" },
          ],
        },
      ],
      names,
    );
    expect(lines).toEqual([
      "  Guardian Safe 0xSAFE (2 of 3): owners Alice Ng, Bob Okafor, 0xCC",
      "    may pause (EMERGENCY_ROLE on BLEBridgeV9, GUARDIAN_ROLE on GlobalPauseRegistry); reset the oracle (KEEPER_ROLE on PriceOracle)",
    ]);
  });

  it("says so when a Safe holds no role, and keeps roles it does not know", () => {
    const [, none] = describeSafeDuties(
      [{ label: "Spare", address: "0x1", threshold: 1, owners: ["0xaa"], roles: [] }],
      names,
    );
    expect(none).toBe("    may do nothing on the demo contracts (holds no role)");
    const [, other] = describeSafeDuties(
      [
        {
          label: "Ops",
          address: "0x2",
          threshold: null,
          owners: [],
          roles: [
            { contract: "Vault", role: "MINTER_ROLE" },
            { contract: "Vault", role: "DEFAULT_ADMIN_ROLE" },
          ],
        },
      ],
      names,
    );
    expect(other).toBe("    may unpause, admin (DEFAULT_ADMIN_ROLE on Vault); MINTER_ROLE (on Vault)");
  });
});
