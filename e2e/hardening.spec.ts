import { createServer, type Server } from "node:http";
import { getAddress, type Hex } from "viem";
import { expect, test, walletContext } from "./support/fixtures";
import { waitForWalletScript } from "./support/safe-helpers";
import { signInWithKey } from "./support/sign-in";

const ALICE = 1; // admin

/** A page on another port of the same host: the same *site* as the console, another origin. */
async function startAttackerPage(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

test.describe("@hardening CSRF and redirects in a real browser", () => {
  test("@hardening a text/plain form on another localhost port cannot make anyone admin with the admin's cookie", async ({
    browser,
    stack,
  }) => {
    const consoleURL = new URL(stack.baseURL);
    // The attacker page must be same-site: the console's own host name, another port.
    const attackerHost = consoleURL.hostname;
    // A plain context, as a person's browser: no test headers; Alice signs in through the API.
    const context = await browser.newContext({ baseURL: stack.baseURL });
    await signInWithKey(context.request, stack.baseURL, stack.deployment.accounts[ALICE]!.privateKey as Hex);
    const victim = getAddress(`0x${"5e".repeat(20)}`);
    // The classic JSON-in-text/plain trick: name + "=" + value reads as one JSON object.
    const payload = `{"address":"${victim}","displayName":"Mallory","role":"admin","pad":"`;
    const attacker = await startAttackerPage(`<!doctype html><html><body>
      <form id="f" method="POST" enctype="text/plain" action="${stack.baseURL}/api/settings/members">
        <input name='${payload}' value='"}'>
      </form>
      <script>document.getElementById("f").submit()</script>
    </body></html>`);
    try {
      const page = await context.newPage();
      const answered = page.waitForResponse((response) => response.url().endsWith("/api/settings/members"));
      await page.goto(attacker.url.replace("127.0.0.1", attackerHost));
      const response = await answered;
      expect(response.request().method()).toBe("POST");
      // The cookie went along (same site): the server is what refused it.
      expect((await response.request().allHeaders()).cookie).toContain("next-auth.session-token");
      expect(response.status()).toBe(403);
      expect(await response.text()).toContain("Cross-origin request refused");
      const members = (await (await context.request.get("/api/settings/members")).json()) as {
        members: { address: string }[];
      };
      expect(members.members.map((member) => member.address)).not.toContain(victim);
      // The console's own page still can (same origin): add and list through the UI's fetch.
      await page.goto("/settings");
      const own = await page.evaluate(
        async (address) => {
          const result = await fetch("/api/settings/members", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ address, displayName: "Grace", role: "viewer" }),
          });
          return result.status;
        },
        getAddress(`0x${"6f".repeat(20)}`),
      );
      expect(own).toBe(201);
    } finally {
      await attacker.close();
      await context.close();
    }
  });

  // A raw tab: browsers drop it from a URL, so `/<TAB>/evil.example` would become `//evil.example`.
  for (const callbackUrl of ["//evil.example/phish", "/\\evil.example/phish", "/\t/evil.example"]) {
    test(`@hardening after sign-in, callbackUrl ${JSON.stringify(callbackUrl)} stays on the console`, async ({
      browser,
      stack,
    }) => {
      const { context, page } = await walletContext(browser, stack, ALICE, { signIn: false });
      await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await waitForWalletScript(page);
      await page.getByRole("button", { name: "Connect wallet" }).click();
      await page.getByRole("button", { name: "Sign in with Ethereum" }).click();
      await expect(page).toHaveURL(/\/incidents/);
      expect(new URL(page.url()).origin).toBe(new URL(stack.baseURL).origin);
      await context.close();
    });
  }

  test("@hardening a same-console callbackUrl is still followed, and ?error= shows only known messages", async ({
    browser,
    stack,
  }) => {
    const { context, page } = await walletContext(browser, stack, ALICE, { signIn: false });
    await page.goto(`/login?error=${encodeURIComponent("Your wallet is compromised: call +1 555 0100")}`);
    // Next's route announcer is an (empty) alert region too: the login page's own alert is the one with text.
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Sign-in failed.");
    await expect(page.getByText("call +1 555 0100")).toHaveCount(0);
    await page.goto("/login?callbackUrl=%2Frunbooks");
    await waitForWalletScript(page);
    await page.getByRole("button", { name: "Connect wallet" }).click();
    await page.getByRole("button", { name: "Sign in with Ethereum" }).click();
    await expect(page).toHaveURL(/\/runbooks$/);
    await context.close();
  });

  test("@hardening signing out ends the session on the server: a copy of the old cookie no longer works", async ({
    browser,
    playwright,
    stack,
  }) => {
    const { context, page } = await walletContext(browser, stack, ALICE, { signIn: true });
    const cookies = await context.cookies();
    const header = cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
    const copy = await playwright.request.newContext();
    expect((await copy.get(`${stack.baseURL}/api/incidents`, { headers: { cookie: header } })).status()).toBe(
      200,
    );
    await page.goto("/incidents");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    expect((await copy.get(`${stack.baseURL}/api/incidents`, { headers: { cookie: header } })).status()).toBe(
      401,
    );
    await copy.dispose();
    await context.close();
  });
});
