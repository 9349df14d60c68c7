import { randomUUID } from "node:crypto";
import { expect, test, walletContext } from "./support/fixtures";

const DAVE = 4; // responder

test.describe("@incidents dashboard", () => {
  test("@incidents / opens the dashboard: open incidents by severity, breaches, overdue work and response-time charts", async ({
    browser,
    stack,
  }) => {
    const dave = await walletContext(browser, stack, DAVE, { signIn: true });
    const declared = await dave.context.request.post("/api/incidents", {
      data: { title: `Dashboard smoke ${randomUUID().slice(0, 8)}`, severity: "P3" },
    });
    expect(declared.status()).toBe(201);
    await dave.page.goto("/");
    await expect(dave.page).toHaveURL(/\/dashboard$/);
    await expect(dave.page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
    await expect(dave.page.getByRole("navigation", { name: "Console" }).getByRole("link").nth(1)).toHaveText(
      "Dashboard",
    );
    const open = dave.page.getByRole("img", { name: /Open incidents by severity/ });
    await expect(open).toBeVisible();
    // The chart reads out as text: the P3 just declared is counted.
    await expect(open.locator("desc")).toContainText(/P3: [1-9]\d*/);
    for (const id of ["response-breaches", "overdue-postmortems", "overdue-action-items"])
      await expect(dave.page.getByTestId(id)).toBeVisible();
    for (const name of ["MTTA", "MTTR", "Time to contain"])
      await expect(
        dave.page.getByRole("img", { name: new RegExp(`^${name} per severity by week`) }),
      ).toBeVisible();
    await expect(dave.page.getByTestId("response-summary")).toContainText("P3");
    await dave.page.getByRole("link", { name: "4 weeks" }).click();
    await expect(dave.page).toHaveURL(/weeks=4$/);
    await expect(dave.page.getByRole("heading", { name: "Response times, last 4 weeks" })).toBeVisible();
    await dave.context.close();
  });
});
