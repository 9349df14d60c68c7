import { encodeAbiParameters, encodeEventTopics, keccak256, parseAbi, toHex, zeroHash } from "viem";
import { describe, expect, it } from "vitest";
import { decodeChainLog } from "./decode-chain-log";

type Hex = `0x${string}`;
const asTopics = (topics: unknown) => topics as Hex[];

import { KNOWN_EVENTS_ABI } from "./known-events";
import { buildRoleNames, roleIdOf, roleNamesInText } from "./role-names";

const ACCOUNT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const SENDER = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

describe("decodeChainLog", () => {
  const roles = buildRoleNames(
    roleNamesInText("cast send $REG 'grantRole(bytes32,address)' $(cast keccak SENTINEL_ROLE)"),
  );

  it("decodes AccessControl events without an ABI and names the roles", () => {
    const topics = encodeEventTopics({
      abi: KNOWN_EVENTS_ABI,
      eventName: "RoleGranted",
      args: { role: keccak256(toHex("PAUSER_ROLE")), account: ACCOUNT, sender: SENDER },
    });
    const decoded = decodeChainLog({ topics: asTopics(topics), data: "0x" }, null, roles);
    expect(decoded).toEqual({
      name: "RoleGranted",
      signature: "RoleGranted(bytes32,address,address)",
      args: {
        role: keccak256(toHex("PAUSER_ROLE")),
        roleName: "PAUSER_ROLE",
        account: ACCOUNT,
        sender: SENDER,
      },
    });
    const admin = encodeEventTopics({
      abi: KNOWN_EVENTS_ABI,
      eventName: "RoleAdminChanged",
      args: {
        role: roleIdOf("SENTINEL_ROLE"),
        previousAdminRole: zeroHash,
        newAdminRole: roleIdOf("GUARDIAN_ROLE"),
      },
    });
    expect(decodeChainLog({ topics: asTopics(admin), data: "0x" }, null, roles).args).toMatchObject({
      roleName: "SENTINEL_ROLE",
      previousAdminRoleName: "DEFAULT_ADMIN_ROLE",
      newAdminRoleName: "GUARDIAN_ROLE",
    });
  });

  it("prefers the contract's ABI, whose indexing may differ, and keeps unknown logs raw", () => {
    const abi = parseAbi(["event Paused(address indexed account)"]);
    const topics = encodeEventTopics({ abi, eventName: "Paused", args: { account: ACCOUNT } });
    expect(decodeChainLog({ topics: asTopics(topics), data: "0x" }, abi, roles).args).toEqual({
      account: ACCOUNT,
    });
    // The built-in Paused(address) has the account in data: the same selector decodes through it too.
    const builtIn = decodeChainLog(
      { topics: asTopics([topics[0]]), data: encodeAbiParameters([{ type: "address" }], [ACCOUNT]) },
      abi,
      roles,
    );
    expect(builtIn).toMatchObject({ name: "Paused", args: { account: ACCOUNT } });
    expect(decodeChainLog({ topics: [keccak256(toHex("Nope()"))], data: "0x" }, abi, roles)).toEqual({
      name: null,
      signature: null,
      args: {},
    });
  });

  it("decodes Safe configuration changes", () => {
    const topics = encodeEventTopics({ abi: KNOWN_EVENTS_ABI, eventName: "ChangedThreshold" });
    const data = encodeAbiParameters([{ type: "uint256" }], [3n]);
    expect(decodeChainLog({ topics: asTopics(topics), data }, null, roles)).toMatchObject({
      name: "ChangedThreshold",
      args: { threshold: "3" },
    });
  });
});
