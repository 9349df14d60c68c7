import { expect, type Page } from "@playwright/test";

/**
 * The incident page sends its newest events and virtualises the list: a spec that looks for an older event
 * (or for every kind at once) makes the window tall enough to hold them all and loads the history, as a
 * commander scrolling down would.
 */
export async function showWholeTimeline(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 6000 });
  const more = page.getByTestId("load-history");
  // A window that tall reaches the end of the list, which starts the load by itself: the button may go
  // before it can be clicked.
  await more.click({ timeout: 2_000 }).catch(() => undefined);
  await expect(more).toHaveCount(0);
  await expect(page.getByTestId("timeline-history")).toHaveCount(0);
}
