import { NextResponse } from "next/server";
import type { z } from "zod";
import { db } from "../db/client";
import { AppError } from "../errors";
import { errorResponse, fieldsFromZod } from "../http/handle-route";
import { type IngestedAlert, ingestAlert } from "./ingest-alert";
import { alertFromEvent, alertsFromAlertmanager, type IncomingAlert } from "./normalize-alerts";
import { readLimitedBody } from "./read-limited-body";
import { ZAlertEvent, ZAlertmanagerWebhook } from "./schemas";
import { verifyAlertRequest } from "./verify-alert-request";

export type AlertEndpoint = "alertmanager" | "events";

/**
 * The whole life of one webhook delivery, in the order a sender can fix things: size, JSON, which source,
 * credentials, payload shape; only then is anything written. The source is named by `?source=<id>` (put it in
 * Alertmanager's webhook URL) or, for events, by `routing_key`.
 */
export async function receiveAlertWebhook(
  request: Request,
  endpoint: AlertEndpoint,
  options: {
    now?: Date;
    /** What the edge does with the ingested alerts before answering (app/api/alerts: automatic kits). */
    onIngested?: (
      alerts: (IngestedAlert & { name: string })[],
      source: { id: string; name: string },
    ) => Promise<unknown>;
  } = {},
): Promise<Response> {
  const now = options.now ?? new Date();
  try {
    const body = await readLimitedBody(request);
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      throw new AppError("INVALID_JSON", "The body is not valid JSON.");
    }
    // Routes are read alongside the source (one round trip less per delivery); unused if refused.
    const routesRead = db().alertRoute.findMany({ where: { isEnabled: true } });
    routesRead.catch(() => {});
    const source = await findSource(request, endpoint, json);
    verifyAlertRequest({
      authMode: source.authMode,
      secrets: source.secrets,
      headers: request.headers,
      body,
      now,
    });
    const alerts = parseAlerts(endpoint, json);
    const routes = await routesRead;
    const results: IngestedAlert[] = [];
    // One delivery's alerts in order: a group's alerts are few, and ordering keeps the timeline readable.
    for (const alert of alerts) results.push(await ingestAlert({ source, alert, routes, now }));
    if (options.onIngested)
      await options.onIngested(
        results.map((result, i) => ({ ...result, name: alerts[i]!.name })),
        source,
      );
    const first = results[0];
    return NextResponse.json(
      endpoint === "events"
        ? { status: "success", message: "Event processed", dedup_key: first?.dedupKey, result: first }
        : { status: "success", alerts: results },
      { status: 202 },
    );
  } catch (error) {
    const response = errorResponse(error);
    if (response.status === 401) response.headers.set("www-authenticate", 'Bearer realm="breakglass-alerts"');
    return response;
  }
}

async function findSource(request: Request, endpoint: AlertEndpoint, json: unknown) {
  const fromQuery = new URL(request.url).searchParams.get("source");
  const fromBody =
    endpoint === "events" && json && typeof json === "object" && "routing_key" in json
      ? (json as { routing_key: unknown }).routing_key
      : undefined;
  const id = fromQuery ?? (typeof fromBody === "string" ? fromBody : null);
  if (!id) {
    throw new AppError(
      "UNKNOWN_SOURCE",
      endpoint === "events"
        ? "Name the alert source with routing_key (or ?source=<id>)."
        : "Name the alert source in the URL: ?source=<id>.",
    );
  }
  const source = await db().alertSource.findUnique({
    where: { id },
    include: { secrets: { where: { revokedAt: null } } },
  });
  if (!source || source.kind !== endpoint) {
    throw new AppError("UNKNOWN_SOURCE", `No ${endpoint} alert source ${id.slice(0, 64)}.`);
  }
  return source;
}

function parseAlerts(endpoint: AlertEndpoint, json: unknown): IncomingAlert[] {
  if (endpoint === "alertmanager") return alertsFromAlertmanager(parseOrThrow(ZAlertmanagerWebhook, json));
  return [alertFromEvent(parseOrThrow(ZAlertEvent, json))];
}

function parseOrThrow<S extends z.ZodType>(schema: S, json: unknown): z.infer<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const fields = fieldsFromZod(parsed.error);
  throw new AppError("INVALID_ALERT_PAYLOAD", `${fields[0]?.path}: ${fields[0]?.message}`, { fields });
}
