import type { FieldIssue } from "@/lib/errors";

export type { FieldIssue };

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fields: FieldIssue[] = [],
  ) {
    super(message);
  }

  /** The message for a field, or for a part of it (`runbookAnchors.2` belongs under `runbookAnchors`). */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((field) => field.path === path || field.path.startsWith(`${path}.`))?.message;
  }
}

/** The one way the browser calls our API: throws ApiError carrying the server's message and field issues. */
export async function apiFetch<T>(url: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const { json, ...rest } = init ?? {};
  const response = await fetch(url, {
    ...rest,
    headers: { ...(json === undefined ? {} : { "content-type": "application/json" }), ...rest.headers },
    body: json === undefined ? rest.body : JSON.stringify(json),
  });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    const error = (body as { error?: { message?: string; fields?: FieldIssue[] } } | null)?.error;
    throw new ApiError(
      error?.message ?? `Request failed (${response.status})`,
      response.status,
      error?.fields ?? [],
    );
  }
  return body as T;
}

/** Anything a failed call threw, as the ApiError the forms show (a network failure has status 0). */
export function toApiError(cause: unknown): ApiError {
  return cause instanceof ApiError ? cause : new ApiError(String(cause), 0);
}
