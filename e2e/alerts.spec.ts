import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, test, walletContext } from "./support/fixtures";

const ALICE = 1; // admin
const DAVE = 4; // responder

/** An Alertmanager webhook delivery, exactly as Alertmanager 0.25 sends it. */
function delivery(name: string, fingerprint: string) {
  return {
    version: "4",
    groupKey: `{}:{alertname="${name}"}`,
    truncatedAlerts: 0,
    status: "firing",
    receiver: "breakglass",
    groupLabels: { alertname: name },
    commonLabels: { alertname: name },
    commonAnnotations: {},
    externalURL: "http://alertmanager.local",
    alerts: [
      {
        status: "firing",
        labels: { alertname: name, chain: "31337" },
        annotations: { summary: "GlobalPauseRegistry reports a global pause" },
        startsAt: new Date().toISOString(),
        endsAt: "0001-01-01T00:00:00Z",
        generatorURL: "http://prometheus.local/graph",
        fingerprint,
      },
    ],
  };
}

async function createSource(request: APIRequestContext, baseURL: string) {
  const response = await request.post(`${baseURL}/api/settings/alerts/sources`, {
    data: { name: `e2e ${randomUUID().slice(0, 8)}`, kind: "alertmanager", authMode: "bearer" },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { source: { id: string }; secret: string };
}

test.describe("@alerts alerts in", () => {
  test("@alerts a routed alert arrives while a responder has the incident list open: the incident appears live", async ({
    browser,
    playwright,
    stack,
  }) => {
    const alice = await walletContext(browser, stack, ALICE, { signIn: true });
    const { source, secret } = await createSource(alice.context.request, stack.baseURL);
    const name = `ProtocolGloballyPaused${randomUUID().slice(0, 6)}`;
    const routed = await alice.context.request.post(`${stack.baseURL}/api/settings/alerts/routes`, {
      data: { name: `e2e ${name}`, matchAlertName: name, severityName: "P1" },
    });
    expect(routed.status()).toBe(201);

    // Dave watches the list on instance B; the alert is delivered to instance A.
    const dave = await walletContext(browser, stack, DAVE, { signIn: true, baseURL: stack.baseURLB });
    await dave.page.goto("/incidents");
    await expect(dave.page.getByTestId("list-live")).toHaveAttribute("data-live", "true");

    const monitor = await playwright.request.newContext();
    const response = await monitor.post(`${stack.baseURL}/api/alerts/alertmanager?source=${source.id}`, {
      headers: { authorization: `Bearer ${secret}` },
      data: delivery(name, `fp-${randomUUID()}`),
    });
    expect(response.status()).toBe(202);

    const row = dave.page.getByTestId("incident-list").getByRole("link", { name: new RegExp(name) });
    await expect(row).toBeVisible();
    await row.click();
    await expect(dave.page.getByTestId("severity-badge")).toHaveText("P1");
    await monitor.dispose();
  });

  test("@alerts an unrouted alert waits in the inbox; a responder declares from it", async ({
    browser,
    playwright,
    stack,
  }) => {
    const alice = await walletContext(browser, stack, ALICE, { signIn: true });
    const { source, secret } = await createSource(alice.context.request, stack.baseURL);
    const name = `UnroutedAlert${randomUUID().slice(0, 6)}`;
    const monitor = await playwright.request.newContext();
    for (let index = 0; index < 3; index++) {
      const response = await monitor.post(`${stack.baseURL}/api/alerts/alertmanager?source=${source.id}`, {
        headers: { authorization: `Bearer ${secret}` },
        data: delivery(name, `fp-${name}`),
      });
      expect(response.status()).toBe(202);
    }
    await monitor.dispose();

    const dave = await walletContext(browser, stack, DAVE, { signIn: true });
    await dave.page.goto("/alerts");
    const item = dave.page.getByTestId("inbox-alert").filter({ hasText: name });
    await expect(item).toBeVisible();
    await expect(item).toContainText("×3");
    await item.getByLabel(`Severity for ${name}`).selectOption("P2");
    await item.getByRole("button", { name: "Declare incident" }).click();
    await expect(dave.page).toHaveURL(/\/incidents\/INC-\d+$/);
    await expect(dave.page.getByTestId("severity-badge")).toHaveText("P2");
    await dave.page.goto("/alerts");
    await expect(dave.page.getByTestId("inbox-alert").filter({ hasText: name })).toHaveCount(0);
  });

  test("@alerts an admin adds a source in Settings: its secret is shown once, never again", async ({
    browser,
    stack,
  }) => {
    const alice = await walletContext(browser, stack, ALICE, { signIn: true });
    await alice.page.goto("/settings/alerts");
    const name = `Prometheus ${randomUUID().slice(0, 6)}`;
    await alice.page.getByLabel("Source name").fill(name);
    await alice.page.getByRole("button", { name: "Add source" }).click();
    const secret = alice.page.getByTestId("new-secret");
    await expect(secret).toHaveText(/^bga_/);
    const value = (await secret.textContent()) ?? "";
    await alice.page.reload();
    await expect(alice.page.getByTestId("alert-source").filter({ hasText: name })).toBeVisible();
    await expect(alice.page.getByTestId("new-secret")).toHaveCount(0);
    expect(await alice.page.content()).not.toContain(value);
  });

  test("@alerts an admin adds a routing rule (a bad section is named), disables, re-enables and deletes it", async ({
    browser,
    stack,
  }) => {
    const alice = await walletContext(browser, stack, ALICE, { signIn: true });
    await alice.page.goto("/settings/alerts");
    const name = `Rule ${randomUUID().slice(0, 6)}`;
    await alice.page.getByLabel("Rule name").fill(name);
    await alice.page.getByLabel("Alert name (empty: any)").fill(`Alert${randomUUID().slice(0, 6)}`);
    // A bad item of a list field is named under that field, and nothing is saved.
    await alice.page.getByLabel("Runbook sections").fill(`musd#${"x".repeat(300)}`);
    await alice.page.getByRole("button", { name: "Add rule" }).click();
    await expect(alice.page.getByText(/^Runbook sections .*300/)).toBeVisible();
    const row = alice.page.getByRole("row").filter({ hasText: name });
    await expect(row).toHaveCount(0);
    await alice.page.getByLabel("Runbook sections").fill("");
    await alice.page.getByRole("button", { name: "Add rule" }).click();
    await row.getByRole("button", { name: "Disable" }).click();
    await expect(row.getByRole("button", { name: "Enable" })).toBeVisible();
    await alice.page.reload();
    await row.getByRole("button", { name: "Enable" }).click();
    await expect(row.getByRole("button", { name: "Disable" })).toBeVisible();
    await row.getByRole("button", { name: "Delete" }).click();
    await expect(row).toHaveCount(0);
    await alice.page.reload();
    await expect(alice.page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
    await alice.context.close();
  });
});
