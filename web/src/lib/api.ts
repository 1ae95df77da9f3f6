/** The JSON API client: bearer token, the person's language, the one error shape. */
import type { components } from "./api/schema";
import type { TokenSource } from "./auth";
import { askForConsent } from "./consent";
import { type Language, localeTag } from "./i18n";

/** The reader's language on every request: the server answers texts (errors, SMART hints, prompts)
 * in the language the tab shows, which follows the Teams locale. */
export function languageHeaders(language: Language): Record<string, string> {
  return { "X-Teams-Locale": localeTag(language), "Accept-Language": language };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The field the error is about (422), when the API names one. */
    readonly field: string | null = null,
    /** On 409 stale_version: the record as it is now on the server. */
    readonly current: unknown = null,
    /** Per-field details (422: each invalid field; 409 edit_conflict: each field both changed, with
     * `theirs` and `mine`). */
    readonly fields: Record<string, unknown>[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The request never reached the server (offline, DNS, connection refused). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

/** The API's one error shape, read warily: the body may be anything (a proxy's page, nothing). */
type ErrorBody = { error?: Partial<components["schemas"]["ErrorDetail"]> };

export interface RequestOptions {
  body?: unknown;
  idempotencyKey?: string;
  /** Aborts the request (a search that a newer one replaced). */
  signal?: AbortSignal;
}

export class Api {
  constructor(
    private readonly tokens: TokenSource,
    private readonly language: () => Language,
  ) {}

  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.request<T>("GET", path, { signal });
  }

  /** A binary resource (a profile photo) as a Blob; null when the API answers 404. */
  async blob(path: string, signal?: AbortSignal): Promise<Blob | null> {
    const token = await this.tokens.token();
    let response: Response;
    try {
      response = await fetch(path, {
        headers: { ...languageHeaders(this.language()), Authorization: `Bearer ${token}` },
        credentials: "same-origin",
        signal,
      });
    } catch (error) {
      throw new ApiError(0, "network", error instanceof Error ? error.message : String(error));
    }
    if (response.status === 404) return null;
    if (!response.ok) throw new ApiError(response.status, "http_error", `HTTP ${response.status}`);
    return response.blob();
  }

  post<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
    return this.request<T>("POST", path, { body, idempotencyKey });
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>("PATCH", path, { body });
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>("PUT", path, { body });
  }

  delete(path: string): Promise<void> {
    return this.request<void>("DELETE", path);
  }

  /** A file the API sends (e.g. a calendar file): its bytes and the name the server gives it. A
   * plain link would not carry the bearer token, so the tab fetches it and saves it itself. */
  async download(path: string): Promise<{ blob: Blob; filename: string }> {
    const token = await this.tokens.token();
    let response: Response;
    try {
      response = await fetch(path, {
        headers: { ...languageHeaders(this.language()), Authorization: `Bearer ${token}` },
        credentials: "same-origin",
      });
    } catch (error) {
      throw new ApiError(0, "network", error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) {
      const detail = ((await response.json().catch(() => null)) as ErrorBody | null)?.error ?? {};
      if (response.status === 401) this.tokens.forget();
      throw new ApiError(response.status, detail.code ?? "http_error", detail.message ?? `HTTP ${response.status}`);
    }
    const disposition = response.headers.get("Content-Disposition") ?? "";
    const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "download";
    return { blob: await response.blob(), filename };
  }

  /** A bearer token for requests made outside this client (the live channel's stream). */
  token(): Promise<string> {
    return this.tokens.token();
  }

  forgetToken(): void {
    this.tokens.forget();
  }

  currentLanguage(): Language {
    return this.language();
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}, afterConsent = false): Promise<T> {
    const token = await this.tokens.token();
    const headers: Record<string, string> = {
      Accept: "application/json",
      ...languageHeaders(this.language()),
      Authorization: `Bearer ${token}`,
    };
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: "same-origin",
        signal: options.signal,
      });
    } catch (error) {
      throw new ApiError(0, "network", error instanceof Error ? error.message : String(error));
    }
    if (response.status === 204) return undefined as T;
    const data = (await response.json().catch(() => null)) as unknown;
    if (!response.ok) {
      const detail = (data as ErrorBody | null)?.error ?? {};
      if (response.status === 401) this.tokens.forget();
      // Microsoft 365 needs the person's consent: ask for it (lib/consent.ts), then retry once.
      if (response.status === 403 && detail.code === "consent_required" && !afterConsent && (await askForConsent())) {
        return this.request<T>(method, path, options, true);
      }
      throw new ApiError(
        response.status,
        detail.code ?? "http_error",
        detail.message ?? `HTTP ${response.status}`,
        detail.field ?? null,
        detail.current ?? null,
        (detail.fields ?? []) as Record<string, unknown>[],
      );
    }
    return data as T;
  }
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
