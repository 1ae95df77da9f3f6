/** The JSON API client: bearer token, the person's language, the one error shape. */
import type { TokenSource } from "./auth";
import type { Language } from "./i18n";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string };
}

export interface RequestOptions {
  body?: unknown;
  idempotencyKey?: string;
}

export class Api {
  constructor(
    private readonly tokens: TokenSource,
    private readonly language: () => Language,
  ) {}

  get<T>(path: string): Promise<T> {
    return this.request<T>("GET", path);
  }

  post<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
    return this.request<T>("POST", path, { body, idempotencyKey });
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = {
      Accept: "application/json",
      "Accept-Language": this.language(),
      Authorization: `Bearer ${await this.tokens.token()}`,
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
      });
    } catch (error) {
      throw new ApiError(0, "network", error instanceof Error ? error.message : String(error));
    }
    const data = (await response.json().catch(() => null)) as unknown;
    if (!response.ok) {
      const detail = (data as ErrorBody | null)?.error ?? {};
      if (response.status === 401) this.tokens.forget();
      throw new ApiError(response.status, detail.code ?? "http_error", detail.message ?? `HTTP ${response.status}`);
    }
    return data as T;
  }
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
