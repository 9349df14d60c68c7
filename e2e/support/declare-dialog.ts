import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/**
 * Opens the declare dialog with its keyboard shortcut. The shortcut listener exists only once React has
 * hydrated the page, so under load the first press can land on a page that does not listen yet: press again
 * until the dialog answers.
 */
export async function openDeclareDialog(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Declare an incident" });
  await expect(async () => {
    await page.locator("body").press("d");
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  return dialog;
}
