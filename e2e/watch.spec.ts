import { randomUUID } from "node:crypto";
import { encodeFunctionData, type Hex, numberToHex, parseAbi } from "viem";
import { execSafeAsOwners, GUARDIAN_ROLE } from "../lib/chain/demo";
import { expect, test, walletContext } from "./support/fixtures";
import { type OwnStack, startOwnStack } from "./support/own-stack";

const ALICE = 1; // admin
const BOB = 2; // commander

/**
 * Chain watch on a stack of its own (the shared stack runs without a watcher, its specs count timeline rows):
 * one confirmation, so a change shows once one more block is mined. What happens on chain is done here with
 * viem and the owners' keys, never through the console.
 */
let stack: OwnStack;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  stack = await startOwnStack({
    env: { BREAKGLASS_WATCH: "on", WATCH_CONFIRMATIONS_31337: "1", BREAKGLASS_WATCH_POLL_MS: "250" },
  });
});
test.afterAll(async () => {
  await stack?.stop();
});

const key = (index: number) => stack.deployment.accounts[index]!.privateKey as Hex;
/** One more block on top: the confirmation the watcher waits for. */
const mine = () =>
  fetch(stack.rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "anvil_mine", params: [numberToHex(1)] }),
  });

test("@watch pauseGlobal() executed outside the console appears on the open incident's timeline", async ({
  browser,
}) => {
  const bob = await walletContext(browser, stack, BOB, { signIn: true, baseURL: stack.baseURL });
  const declared = await bob.context.request.post("/api/incidents", {
    data: { title: `Watch ${randomUUID().slice(0, 8)}`, severity: "P2" },
  });
  expect(declared.status()).toBe(201);
  const { ref } = ((await declared.json()) as { incident: { ref: string } }).incident;
  await bob.page.goto(`/incidents/${ref}`);

  // The Guardian Safe's owners sign and execute in their own tools.
  await execSafeAsOwners({
    rpcUrl: stack.rpcUrl,
    chainId: stack.deployment.chainId,
    safe: stack.deployment.safes.guardian.address,
    ownerKeys: [key(1), key(2)],
    to: stack.deployment.contracts.globalPauseRegistry,
    data: encodeFunctionData({ abi: parseAbi(["function pauseGlobal()"]), functionName: "pauseGlobal" }),
  });
  await mine();
  const paused = bob.page
    .getByTestId("timeline-event")
    .filter({ hasText: "On chain: GlobalPauseRegistry GlobalPaused" });
  await expect(paused).toBeVisible({ timeout: 15_000 });
  await expect(paused).toContainText("outside this console");
  await expect(
    bob.page.getByTestId("timeline-event").filter({ hasText: "On chain: Guardian Safe ExecutionSuccess" }),
  ).toBeVisible();
});

test("@watch a RoleGranted to an unknown address raises an alert that declares a P1 with the key-rotation runbook", async ({
  browser,
}) => {
  const alice = await walletContext(browser, stack, ALICE, { signIn: true, baseURL: stack.baseURL });
  // Settings → Chain watch lists the demo's rules; a team adds its own the same way.
  await alice.page.goto("/settings/watch");
  await expect(
    alice.page.getByRole("row", { name: /Guarded role granted outside the allow-list/ }),
  ).toBeVisible();
  // Scoped to the rule form: the declare dialog (press D anywhere) has a Severity field too.
  const form = alice.page
    .locator("form")
    .filter({ has: alice.page.getByRole("button", { name: "Add watch rule" }) });
  await form.getByLabel("Rule name").fill("Proxy upgraded (team)");
  await form.getByLabel("Fires on").selectOption("upgraded");
  await form.getByLabel("Severity").selectOption("P2");
  await form.getByRole("button", { name: "Add watch rule" }).click();
  const added = alice.page.getByRole("row", { name: /Proxy upgraded \(team\)/ });
  await expect(added).toBeVisible();
  await added.getByRole("button", { name: "Disable" }).click();
  await expect(added.getByRole("button", { name: "Enable" })).toBeVisible();

  await alice.page.goto("/incidents");
  await expect(alice.page.getByTestId("list-live")).toHaveAttribute("data-live", "true");
  // The Admin Safe's owners grant GUARDIAN_ROLE to an account nobody listed.
  const stranger = stack.deployment.accounts[7]!.address;
  await execSafeAsOwners({
    rpcUrl: stack.rpcUrl,
    chainId: stack.deployment.chainId,
    safe: stack.deployment.safes.admin.address,
    ownerKeys: [key(2), key(3)],
    to: stack.deployment.contracts.globalPauseRegistry,
    data: encodeFunctionData({
      abi: parseAbi(["function grantRole(bytes32 role, address account)"]),
      functionName: "grantRole",
      args: [GUARDIAN_ROLE, stranger],
    }),
  });
  await mine();
  const row = alice.page
    .getByTestId("incident-list")
    .getByRole("link", { name: /RoleGrantedToUnknownAccount: GUARDIAN_ROLE granted to/ });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.click();
  await expect(alice.page).toHaveURL(/\/incidents\/INC-\d+$/);
  await expect(alice.page.getByTestId("severity-badge")).toHaveText("P1");
  await expect(
    // The seeded rule attaches the project's example runbook's role-rotation section.
    alice.page.getByTestId("timeline-event").filter({ hasText: "Runbook attached: 6. Role Rotation" }),
  ).toBeVisible();
});
