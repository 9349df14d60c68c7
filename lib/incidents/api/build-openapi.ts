import { z } from "zod";
import { ZDeclareIncident, ZListIncidentsQuery, ZTimelineEntry } from "../schemas";
import { ZApiEvent, ZApiIncident } from "./serialize";

/**
 * The OpenAPI 3.1 document of API v1, generated from the same zod schemas the routes validate with
 * (OpenAPI 3.1 uses JSON Schema 2020-12, zod 4's default target).
 */
const input = (schema: z.ZodType) => strip(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }));
const output = (schema: z.ZodType) => strip(z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }));

function strip(schema: Record<string, unknown>) {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}

const ZError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});

function json(schema: Record<string, unknown> | { $ref: string }, description: string) {
  return { description, content: { "application/json": { schema } } };
}

const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      json({ $ref: "#/components/schemas/Error" }, ERROR_TEXT[status] ?? "Error"),
    ]),
  );
const ERROR_TEXT: Record<number, string> = {
  400: "The body is not JSON",
  401: "Missing, invalid or revoked API token",
  403: "The token's role is too low",
  404: "No such incident",
  409: "Conflicts with the incident's current state",
  422: "Invalid input; `fields` names each wrong field",
};

const refParam = {
  name: "ref",
  in: "path",
  required: true,
  schema: { type: "string", pattern: "^INC-\\d+$" },
  example: "INC-42",
};

function queryParameters() {
  const schema = input(ZListIncidentsQuery) as { properties: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    in: "query",
    required: false,
    schema: property,
  }));
}

export function buildOpenApiDocument(serverUrl?: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Breakglass API",
      version: "1.0.0",
      description:
        "Incidents and their append-only timelines. Authenticate with `Authorization: Bearer bg_…` (API tokens are created by admins in Settings → API tokens or with `npm run -s admin -- token create`).",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Incident: output(ZApiIncident),
        TimelineEvent: output(ZApiEvent),
        DeclareIncident: input(ZDeclareIncident),
        TimelineEntry: input(ZTimelineEntry),
        Error: output(ZError),
      },
    },
    paths: {
      "/api/v1/incidents": {
        get: {
          operationId: "listIncidents",
          summary: "Incidents, open first, newest first (cursor pagination)",
          parameters: queryParameters(),
          responses: {
            "200": json(
              {
                type: "object",
                properties: {
                  incidents: { type: "array", items: { $ref: "#/components/schemas/Incident" } },
                  nextCursor: { type: ["string", "null"] },
                },
                required: ["incidents", "nextCursor"],
              },
              "A page of incidents",
            ),
            ...errors(401, 422),
          },
        },
        post: {
          operationId: "declareIncident",
          summary: "Declare an incident (responder). A repeated idempotencyKey returns the first incident.",
          requestBody: { required: true, ...json({ $ref: "#/components/schemas/DeclareIncident" }, "") },
          responses: {
            "201": json(incidentBody(), "Declared"),
            "200": json(incidentBody(), "Already declared with this idempotency key"),
            ...errors(400, 401, 403, 422),
          },
        },
      },
      "/api/v1/incidents/{ref}": {
        get: {
          operationId: "getIncident",
          parameters: [refParam],
          responses: { "200": json(incidentBody(), "The incident"), ...errors(401, 404) },
        },
      },
      "/api/v1/incidents/{ref}/events": {
        get: {
          operationId: "listIncidentEvents",
          parameters: [
            refParam,
            { name: "after", in: "query", required: false, schema: { type: "integer", minimum: 0 } },
          ],
          responses: {
            "200": json(
              {
                type: "object",
                properties: {
                  events: { type: "array", items: { $ref: "#/components/schemas/TimelineEvent" } },
                },
                required: ["events"],
              },
              "Events, oldest first",
            ),
            ...errors(401, 404, 422),
          },
        },
        post: {
          operationId: "addIncidentEvent",
          summary: "Add a note, pin/unpin, a correction or a communication update (responder)",
          parameters: [refParam],
          requestBody: { required: true, ...json({ $ref: "#/components/schemas/TimelineEntry" }, "") },
          responses: {
            "201": json(
              {
                type: "object",
                properties: { event: { $ref: "#/components/schemas/TimelineEvent" } },
                required: ["event"],
              },
              "Appended",
            ),
            ...errors(400, 401, 403, 404, 409, 422),
          },
        },
      },
    },
  };
}

function incidentBody() {
  return {
    type: "object",
    properties: { incident: { $ref: "#/components/schemas/Incident" } },
    required: ["incident"],
  };
}
