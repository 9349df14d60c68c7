import type { Page, TestInfo } from "@playwright/test";

/** A screenshot saved in the test's output folder (test-results/…) and attached to the report. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}
