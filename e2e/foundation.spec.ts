import type { Hex } from "viem";
import { expect, test, walletContext } from "./support/fixtures";
import { waitForWalletScript } from "./support/safe-helpers";
import { postSiweSignIn, signInWithKey, signSiweMessage } from "./support/sign-in";

const ALICE = 1; // admin, Guardian Safe owner
const FRANK = 6; // viewer
const STRANGER = 7; // not a member

test.describe("@foundation sign-in and access", () => {
  test("@foundation a member signs in with SIWE through the login form and sees the console", async ({
    browser,
    stack,
  }) => {
    const { context, page } = await walletContext(browser, stack, ALICE, { signIn: false });
    await page.goto("/incidents");
    await expect(page).toHaveURL(/\/login/);
    await waitForWalletScript(page);
    await page.getByRole("button", { name: "Connect wallet" }).click();
    await expect(page.getByTestId("connected-address")).toHaveText(stack.deployment.accounts[ALICE]!.address);
    await page.getByRole("button", { name: "Sign in with Ethereum" }).click();
    await expect(page).toHaveURL(/\/incidents/);
    await expect(page.getByTestId("current-member")).toContainText("Alice Ng");
    await expect(
      page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Runbooks" }),
    ).toBeVisible();
    await context.close();
  });

  test("@foundation a non-member is refused with a clear message", async ({ browser, stack }) => {
    const { context, page } = await walletContext(browser, stack, STRANGER, { signIn: false });
    await page.goto("/login");
    await waitForWalletScript(page);
    await page.getByRole("button", { name: "Connect wallet" }).click();
    await page.getByRole("button", { name: "Sign in with Ethereum" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "is not a member of this console" }),
    ).toBeVisible();
    await page.goto("/incidents");
    await expect(page).toHaveURL(/\/login/);
    await context.close();
  });

  test("@foundation a replayed nonce is refused", async ({ playwright, stack }) => {
    const key = stack.deployment.accounts[ALICE]!.privateKey as Hex;
    const first = await playwright.request.newContext();
    const signed = await signSiweMessage(first, stack.baseURL, key);
    expect((await postSiweSignIn(first, stack.baseURL, signed)).ok).toBe(true);
    const replay = await playwright.request.newContext();
    const result = await postSiweSignIn(replay, stack.baseURL, signed);
    expect(result.ok).toBe(false);
    expect(result.error).toContain("already used");
    const session = await (await replay.get(`${stack.baseURL}/api/auth/session`)).json();
    expect(session).toEqual({});
    await first.dispose();
    await replay.dispose();
  });

  test("@foundation a message for another domain is refused", async ({ playwright, stack }) => {
    const request = await playwright.request.newContext();
    const key = stack.deployment.accounts[ALICE]!.privateKey as Hex;
    const signed = await signSiweMessage(request, stack.baseURL, key, { domain: "evil.example" });
    const result = await postSiweSignIn(request, stack.baseURL, signed);
    expect(result.ok).toBe(false);
    expect(result.error).toContain("is for evil.example, not for this console");
    await request.dispose();
  });

  test("@foundation a viewer cannot reach an admin action, enforced by the server", async ({
    browser,
    playwright,
    stack,
  }) => {
    const { context, page } = await walletContext(browser, stack, FRANK, { signIn: true });
    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(0);
    // The button is hidden, but the server is what refuses: call the API directly with the viewer's session.
    const response = await context.request.post(`${stack.baseURL}/api/settings/members`, {
      data: { address: stack.deployment.accounts[STRANGER]!.address, displayName: "Mallory", role: "admin" },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.message).toContain("admin role");
    // Without any session: 401.
    const anonymous = await playwright.request.newContext();
    expect((await anonymous.post(`${stack.baseURL}/api/settings/members`, { data: {} })).status()).toBe(401);
    // Reads check the caller before anything about the query: a bad query string or a forged session cookie
    // gets 401, not a validation answer; the viewer gets the validation answer, then the list.
    expect((await anonymous.get(`${stack.baseURL}/api/incidents?limit=abc`)).status()).toBe(401);
    const forged = await anonymous.get(`${stack.baseURL}/api/incidents`, {
      headers: { cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.x.y.z.w" },
    });
    expect(forged.status()).toBe(401);
    await anonymous.dispose();
    const invalid = await context.request.get(`${stack.baseURL}/api/incidents?limit=abc`);
    expect(invalid.status()).toBe(422);
    expect((await invalid.json()).error.fields[0].path).toBe("limit");
    const list = await context.request.get(`${stack.baseURL}/api/incidents`);
    expect(list.status()).toBe(200);
    expect(await list.json()).toMatchObject({ incidents: expect.any(Array) });
    await context.close();
  });

  test("@foundation an admin adds a member, and bad input names the field", async ({ browser, stack }) => {
    const { context, page } = await walletContext(browser, stack, ALICE, { signIn: true });
    await page.goto("/settings");
    await page.getByLabel("Wallet address").fill("0x1234");
    await page.getByLabel("Display name").fill("Grace");
    await page.getByRole("button", { name: "Add member" }).click();
    await expect(page.getByText("must be a 0x-prefixed 20-byte address")).toBeVisible();
    await page.getByLabel("Wallet address").fill(stack.deployment.accounts[8]!.address.toLowerCase());
    await page.getByRole("button", { name: "Add member" }).click();
    await expect(page.getByRole("cell", { name: "Grace" })).toBeVisible();
    await expect(page.getByRole("cell", { name: stack.deployment.accounts[8]!.address })).toBeVisible();
    await context.close();
  });
});

test("@foundation signing in through the API works for other tests", async ({ playwright, stack }) => {
  const request = await playwright.request.newContext();
  await signInWithKey(request, stack.baseURL, stack.deployment.accounts[ALICE]!.privateKey as Hex);
  const session = await (await request.get(`${stack.baseURL}/api/auth/session`)).json();
  expect(session.address).toBe(stack.deployment.accounts[ALICE]!.address);
  await request.dispose();
});
