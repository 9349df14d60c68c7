import { createServer, type IncomingHttpHeaders, type Server } from "node:http";

export type Received = { path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> };

export type HttpSink = {
  /** http://127.0.0.1:<port>, no path: each caller points its routes or channels at a path of its own. */
  url: string;
  received: Received[];
  /**
   * `status` answers every request (set it to 503 for a failing receiver); requests to a path in `hang` are
   * held open until close(), a receiver that never answers.
   */
  state: { status: number; hang: Set<string> };
  at: (path: string) => Received[];
  close: () => Promise<void>;
};

/**
 * An HTTP receiver on loopback that records every POST's JSON body: it stands in for Slack, a JSON webhook,
 * PagerDuty's Events API and notification channels. The console only reads the status of the answer.
 */
export async function startHttpSink(options: { status?: number } = {}): Promise<HttpSink> {
  const received: Received[] = [];
  const state = { status: options.status ?? 200, hang: new Set<string>() };
  const held: (() => void)[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "";
      const text = Buffer.concat(chunks).toString("utf8");
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        body = { raw: text };
      }
      received.push({ path, headers: request.headers, body });
      if (state.hang.has(path)) {
        held.push(() => response.destroy());
        return;
      }
      response.writeHead(state.status, { "content-type": "application/json" }).end('{"status":"success"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    state,
    at: (path) => received.filter((item) => item.path === path),
    close: async () => {
      for (const release of held) release();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
