import { randomUUID } from "node:crypto";
import pg from "pg";
import { expect, test, walletContext } from "./support/fixtures";

const BOB = 2; // commander
const NOTES = 450;

test.describe("@incidents long timelines", () => {
  test("@incidents a 450-event timeline is virtualised, loads its history when scrolled to, and keeps pins, filters and live notes", async ({
    browser,
    stack,
  }) => {
    const bob = await walletContext(browser, stack, BOB, { signIn: true });
    const run = randomUUID().slice(0, 6);
    const declared = await bob.context.request.post("/api/incidents", {
      data: { title: `Long timeline ${run}`, severity: "P2" },
    });
    const { ref } = ((await declared.json()) as { incident: { ref: string } }).incident;
    // Seeded straight into the database (as hours of an incident would have written them): notes 1..450,
    // and early on, a pin of note 5 — older than anything the page renders first.
    const client = new pg.Client(process.env.E2E_DATABASE_URL);
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Incident" WHERE number = $1`, [
        Number(ref.slice(4)),
      ]);
      const incidentId = rows[0]!.id;
      await client.query(
        `INSERT INTO "TimelineEvent" ("incidentId", kind, payload, "authorType", "authorLabel")
         SELECT $1, 'note.added', jsonb_build_object('markdown', 'Seeded note ' || g || ' ${run}'), 'system', 'seed'
         FROM generate_series(1, $2::int) AS g`,
        [incidentId, NOTES],
      );
      const fifth = await client.query<{ id: number }>(
        `SELECT id FROM "TimelineEvent" WHERE "incidentId" = $1 AND payload->>'markdown' = $2`,
        [incidentId, `Seeded note 5 ${run}`],
      );
      await client.query(
        `INSERT INTO "TimelineEvent" ("incidentId", kind, payload, "authorType", "authorLabel")
         VALUES ($1, 'event.pinned', jsonb_build_object('eventId', $2::int), 'system', 'seed')`,
        [incidentId, fifth.rows[0]!.id],
      );
      await client.query(
        `INSERT INTO "TimelineEvent" ("incidentId", kind, payload, "authorType", "authorLabel")
         SELECT $1, 'note.added', jsonb_build_object('markdown', 'Later note ' || g || ' ${run}'), 'system', 'seed'
         FROM generate_series(1, 250) AS g`,
        [incidentId],
      );
    } finally {
      await client.end();
    }

    const page = bob.page;
    // Rows taken out of the list (the virtualised window moving), counted from the first byte of the page.
    await page.addInitScript(() => {
      const counter = window as unknown as { removedTimelineRows: number };
      counter.removedTimelineRows = 0;
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.removedNodes)
            if (node instanceof HTMLElement && node.dataset.testid === "timeline-event")
              counter.removedTimelineRows++;
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`/incidents/${ref}`);
    const scroller = page.getByTestId("timeline-scroller");
    await expect(scroller).toHaveAttribute("data-virtual", "true");
    const rows = page.getByTestId("timeline").getByTestId("timeline-event");
    await expect(rows.first()).toContainText(`Later note 250 ${run}`);
    await expect(page.getByTestId("timeline-history")).toHaveCount(0);
    // A window of rows, not 700.
    expect(await rows.count()).toBeLessThan(100);
    // Hydrating keeps every row the server rendered: once measured, the window would have dropped the ones
    // below it, and removing them inside the hydration commit was the page's longest task on a phone.
    await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-live", "true");
    const removedRows = () =>
      page.evaluate(() => (window as unknown as { removedTimelineRows: number }).removedTimelineRows);
    expect(await removedRows()).toBe(0);

    // The pin of an old note came with the page; the history itself waits until someone scrolls to it.
    await expect(page.getByTestId("pinned-events")).toContainText(`Seeded note 5 ${run}`);
    await expect(page.getByTestId("load-history")).toBeVisible();

    // The oldest event is at the bottom of the list, reached by scrolling.
    await expect
      .poll(
        async () => {
          await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
          return page.getByTestId("timeline").locator('[data-kind="incident.declared"]').count();
        },
        { timeout: 10_000 },
      )
      .toBe(1);
    // Once scrolled, the window moves as before: the newest rows left the DOM.
    expect(await removedRows()).toBeGreaterThan(0);
    expect(await rows.count()).toBeLessThan(100);

    // Filters work over the whole history.
    await page.getByLabel("Show").selectOption("lifecycle");
    const lifecycle = page.getByTestId("timeline").getByTestId("timeline-event");
    await expect(lifecycle).toHaveCount(2); // declared, and the commander assigned with it
    await expect(lifecycle.last()).toHaveAttribute("data-kind", "incident.declared");
    await page.getByLabel("Show").selectOption("all");

    // A live note lands on top.
    await scroller.evaluate((element) => element.scrollTo({ top: 0 }));
    await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-live", "true");
    const live = `Live note ${run}`;
    expect(
      (
        await bob.context.request.post(`/api/incidents/${ref}/events`, {
          data: { kind: "note.added", markdown: live },
        })
      ).status(),
    ).toBe(201);
    await expect(rows.first()).toContainText(live);
    await bob.context.close();
  });
});
