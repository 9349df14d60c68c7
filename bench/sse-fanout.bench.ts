import { startBenchStack } from "./support/bench-stack";
import { findNextBuild, reportMissingBuild } from "./support/next-build";
import { type BenchOptions, type BenchResult, quantile, round } from "./types";

type Client = { close: () => void; opened: Promise<void> };

/** One EventSource-like reader: calls onMessage(markdown) for each timeline message it receives. */
function openStream(url: string, cookie: string, onMessage: (markdown: string) => void): Client {
  const controller = new AbortController();
  let markOpen: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    markOpen = resolve;
  });
  void (async () => {
    const response = await fetch(url, {
      headers: { cookie, accept: "text/event-stream" },
      signal: controller.signal,
    });
    if (response.status !== 200 || !response.body) throw new Error(`stream answered ${response.status}`);
    const decoder = new TextDecoder();
    let text = "";
    const reader = response.body.getReader();
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (text.includes(": connected")) markOpen();
      let end = text.indexOf("\n\n");
      while (end >= 0) {
        const data = text
          .slice(0, end)
          .split("\n")
          .find((line) => line.startsWith("data: "));
        text = text.slice(end + 2);
        if (data)
          onMessage(
            String((JSON.parse(data.slice(6)) as { payload?: { markdown?: string } }).payload?.markdown),
          );
        end = text.indexOf("\n\n");
      }
    }
  })().catch((error: unknown) => {
    if ((error as Error)?.name !== "AbortError") console.error("  sse client:", (error as Error).message);
  });
  return { close: () => controller.abort(), opened };
}

async function gauge(baseURL: string): Promise<number> {
  const text = await (await fetch(`${baseURL}/metrics`)).text();
  return Number(/^breakglass_sse_clients(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

/**
 * SSE fan-out: N clients hold the live stream of one incident on one `next start`; a note is written through
 * the API; each client's latency is from just before the POST to the moment its stream delivers the note
 * (commit, NOTIFY, one read per process, fan-out, the network). p95 over every client and every round.
 * Target (issue 8): <= 250 ms at 200 clients.
 */
export async function benchSseFanout({ quick }: BenchOptions): Promise<BenchResult[]> {
  if (!findNextBuild()) return reportMissingBuild("sse-fanout");
  const clients = quick ? 20 : 200;
  const rounds = quick ? 3 : 10;
  const stack = await startBenchStack({});
  const streams: Client[] = [];
  try {
    const declared = await fetch(`${stack.baseURL}/api/incidents`, {
      method: "POST",
      headers: { cookie: stack.cookie, "content-type": "application/json", origin: stack.baseURL },
      body: JSON.stringify({ title: "SSE fan-out bench", severity: "P2" }),
    });
    const { ref } = ((await declared.json()) as { incident: { ref: string } }).incident;
    // Streams start after the events that exist (as a page does with ?after=), so only new notes arrive.
    const existing = (await (
      await fetch(`${stack.baseURL}/api/incidents/${ref}/events`, { headers: { cookie: stack.cookie } })
    ).json()) as { events: { id: number }[] };
    const after = Math.max(0, ...existing.events.map((event) => event.id));
    const arrivals = new Map<string, number[]>();
    for (let index = 0; index < clients; index++)
      streams.push(
        openStream(`${stack.baseURL}/api/incidents/${ref}/stream?after=${after}`, stack.cookie, (markdown) =>
          arrivals.get(markdown)?.push(performance.now()),
        ),
      );
    await Promise.all(streams.map((stream) => stream.opened));
    // Each stream subscribes, waits for LISTEN, then catches up: give them a moment, and check the gauge.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const open = await gauge(stack.baseURL);
    if (open < clients)
      console.log(`  sse-fanout: the gauge shows ${open} open streams for ${clients} clients`);

    const latencies: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const marker = `fan-out round ${round}`;
      const received: number[] = [];
      arrivals.set(marker, received);
      const sent = performance.now();
      const response = await fetch(`${stack.baseURL}/api/incidents/${ref}/events`, {
        method: "POST",
        headers: { cookie: stack.cookie, "content-type": "application/json", origin: stack.baseURL },
        body: JSON.stringify({ kind: "note.added", markdown: marker }),
      });
      if (response.status !== 201) throw new Error(`note answered ${response.status}`);
      const deadline = Date.now() + 10_000;
      while (received.length < clients && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      if (received.length < clients)
        throw new Error(`round ${round}: ${received.length} of ${clients} clients got the note`);
      latencies.push(...received.map((at) => at - sent));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const p95 = quantile(latencies, 0.95);
    return [
      {
        name: `SSE fan-out p95 to ${clients} clients (${rounds} notes)`,
        value: round(p95),
        unit: "ms",
        target: "<= 250",
        isMet: p95 <= 250,
      },
      {
        name: "SSE clients gauge (/metrics) with the streams open",
        value: open,
        unit: "streams",
        target: `= ${clients}`,
        isMet: open === clients,
      },
    ];
  } finally {
    for (const stream of streams) stream.close();
    await stack.stop();
  }
}
