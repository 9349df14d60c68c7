import { NextResponse } from "next/server";
import type { z } from "zod";
import { db } from "../db/client";
import { isDatabaseDown } from "../db/is-database-down";
import { AppError, type FieldIssue } from "../errors";
import { errorResponse, fieldsFromZod } from "../http/handle-route";
import { findNulPath, NUL_MESSAGE } from "../http/input-fields";
import { type IngestedAlert, ingestAlert } from "./ingest-alert";
import { alertFromEvent, alertsFromAlertmanager, type IncomingAlert } from "./normalize-alerts";
import { readLimitedBody } from "./read-limited-body";
import { rememberDeliverySignature } from "./remember-delivery-signature";
import { ZAlertEvent, ZAlertmanagerAlert, ZAlertmanagerEnvelope } from "./schemas";
import { verifyAlertRequest } from "./verify-alert-request";

export type AlertEndpoint = "alertmanager" | "events";

/** An alert of the delivery that was not stored, and why (the sender's logs show it; it is not retried). */
type RefusedAlert = { index: number; fingerprint: string | null; fields: FieldIssue[] };
/** An alert that was valid but could not be stored (logged on the server). */
type FailedAlert = { index: number; dedupKey: string; message: string };

/**
 * The whole life of one webhook delivery, in the order a sender can fix things: size, JSON, which source,
 * credentials, replay, payload shape; only then is anything written. The source is named by `?source=<id>`
 * (put it in Alertmanager's webhook URL) or, for events, by `routing_key`.
 *
 * An Alertmanager group is validated alert by alert before anything is stored (shape, and text PostgreSQL
 * refuses: NUL, unpaired surrogates), and each alert is stored on its own: one bad alert is reported in
 * `refused` and the others are stored. A 5xx for a bad alert made Alertmanager retry the group forever and
 * the alerts after it never arrived.
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
    if (source.authMode === "hmac") await rememberDeliverySignature({ sourceId: source.id, request, now });
    const { alerts, refused } = parseAlerts(endpoint, json);
    const routes = await routesRead;
    const results: IngestedAlert[] = [];
    const failed: FailedAlert[] = [];
    // One delivery's alerts in order: a group's alerts are few, and ordering keeps the timeline readable.
    for (const { index, alert } of alerts) {
      try {
        results.push(await ingestAlert({ source, alert, routes, now }));
      } catch (error) {
        // The database being down fails the delivery (the sender retries it); anything else fails one alert.
        if (isDatabaseDown(error)) throw error;
        console.error("[breakglass] alert not stored", { index, dedupKey: alert.dedupKey }, error);
        failed.push({ index, dedupKey: alert.dedupKey, message: "This alert could not be stored." });
      }
    }
    if (options.onIngested)
      await options.onIngested(
        results.map((result) => ({
          ...result,
          name: alerts.find((item) => item.alert.dedupKey === result.dedupKey)?.alert.name ?? "alert",
        })),
        source,
      );
    const first = results[0];
    const isPartial = refused.length > 0 || failed.length > 0;
    return NextResponse.json(
      endpoint === "events"
        ? { status: "success", message: "Event processed", dedup_key: first?.dedupKey, result: first }
        : { status: isPartial ? "partial" : "success", alerts: results, refused, failed },
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
  // An id PostgreSQL cannot compare (a NUL) names no source.
  const source = findNulPath(id)
    ? null
    : await db().alertSource.findUnique({
        where: { id },
        include: { secrets: { where: { revokedAt: null } } },
      });
  if (!source || source.kind !== endpoint) {
    throw new AppError("UNKNOWN_SOURCE", `No ${endpoint} alert source ${id.slice(0, 64)}.`);
  }
  return source;
}

function refuseText(json: unknown, prefix: (string | number)[] = []): FieldIssue[] {
  const at = findNulPath(json, prefix);
  return at ? [{ path: at, message: NUL_MESSAGE }] : [];
}

function parseAlerts(
  endpoint: AlertEndpoint,
  json: unknown,
): { alerts: { index: number; alert: IncomingAlert }[]; refused: RefusedAlert[] } {
  if (endpoint === "events") {
    const event = parseOrThrow(ZAlertEvent, json);
    const text = refuseText(json);
    if (text.length) throw invalid(text);
    return { alerts: [{ index: 0, alert: alertFromEvent(event) }], refused: [] };
  }
  const envelope = parseOrThrow(ZAlertmanagerEnvelope, json);
  // Text in the group's own fields reaches every alert (common labels and annotations): refuse the delivery.
  const groupText = refuseText({ ...envelope, alerts: [] });
  if (groupText.length) throw invalid(groupText);
  const valid: { index: number; alert: z.infer<typeof ZAlertmanagerAlert> }[] = [];
  const refused: RefusedAlert[] = [];
  envelope.alerts.forEach((raw, index) => {
    const parsed = ZAlertmanagerAlert.safeParse(raw);
    const fields = parsed.success
      ? refuseText(raw, ["alerts", index])
      : fieldsFromZod(parsed.error).map((field) => ({ ...field, path: `alerts.${index}.${field.path}` }));
    const fingerprint = (raw as { fingerprint?: unknown } | null)?.fingerprint;
    if (parsed.success && fields.length === 0) valid.push({ index, alert: parsed.data });
    else
      refused.push({
        index,
        fingerprint:
          typeof fingerprint === "string" && !findNulPath(fingerprint) ? fingerprint.slice(0, 200) : null,
        fields,
      });
  });
  // Nothing to store: the sender learns why, and (a 4xx) does not retry a delivery that cannot succeed.
  if (valid.length === 0) throw invalid(refused.flatMap((alert) => alert.fields));
  const normalised = alertsFromAlertmanager({ ...envelope, alerts: valid.map((item) => item.alert) });
  return { alerts: normalised.map((alert, position) => ({ index: valid[position]!.index, alert })), refused };
}

function invalid(fields: FieldIssue[]): AppError {
  return new AppError("INVALID_ALERT_PAYLOAD", `${fields[0]?.path}: ${fields[0]?.message}`, { fields });
}

function parseOrThrow<S extends z.ZodType>(schema: S, json: unknown): z.infer<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw invalid(fieldsFromZod(parsed.error));
}
