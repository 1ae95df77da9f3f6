/** Where the bearer token for the API comes from:
 * - inside Teams: single sign-on (authentication.getAuthToken), kept in memory only until it expires;
 * - in a plain browser in demo mode: the demo identity provider, kept in sessionStorage (this tab only);
 * - in a plain browser otherwise: the browser session from Microsoft sign-in at /auth/login, which
 *   /auth/token turns into a short-lived bearer token (kept in memory only). */
import { ApiError } from "./api";
import { ssoToken } from "./teams";

export interface TokenSource {
  readonly kind: "teams" | "demo" | "browser";
  token(): Promise<string>;
  /** Drops the token, e.g. after the API rejected it. */
  forget(): void;
}

const EXPIRY_MARGIN_S = 300;

/** Seconds since the epoch when the JWT expires, or 0 when it cannot be read. */
export function expiresAt(jwt: string): number {
  try {
    const payload = jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const exp = (JSON.parse(atob(payload)) as { exp?: unknown }).exp;
    return typeof exp === "number" ? exp : 0;
  } catch {
    return 0;
  }
}

function fresh(jwt: string): boolean {
  return expiresAt(jwt) - EXPIRY_MARGIN_S > Date.now() / 1000;
}

export function teamsTokens(): TokenSource {
  let cached: string | null = null;
  // The tab's first requests go out together (who I am, the conversation): one token for them.
  let pending: Promise<string> | null = null;
  return {
    kind: "teams",
    async token() {
      if (cached && fresh(cached)) return cached;
      pending ??= ssoToken().then(
        (token) => {
          cached = token;
          pending = null;
          return token;
        },
        (error: unknown) => {
          pending = null;
          throw error;
        },
      );
      return pending;
    },
    forget() {
      cached = null;
    },
  };
}

/** A plain browser signed in with Microsoft: the session cookie buys bearer tokens at /auth/token.
 * A 401 there means "not signed in" and surfaces as an ApiError with status 401. */
export function browserSessionTokens(): TokenSource {
  let cached: { token: string; until: number } | null = null;
  return {
    kind: "browser",
    async token() {
      if (cached && cached.until > Date.now() / 1000) return cached.token;
      let response: Response;
      try {
        response = await fetch("/auth/token", { headers: { Accept: "application/json" }, credentials: "same-origin" });
      } catch (error) {
        throw new ApiError(0, "network", error instanceof Error ? error.message : String(error));
      }
      if (!response.ok) throw new ApiError(response.status, "sign_in_required", `HTTP ${response.status}`);
      const body = (await response.json()) as { access_token: string; expires_in: number };
      cached = { token: body.access_token, until: Date.now() / 1000 + body.expires_in - EXPIRY_MARGIN_S };
      return body.access_token;
    },
    forget() {
      cached = null;
    },
  };
}

// --- demo mode ------------------------------------------------------------------------------

const DEMO_KEY = "mus.demo.session";

export interface DemoPerson {
  key: string;
  object_id: string;
  name: string;
  email: string;
  role: "manager" | "employee";
  locale: string;
}

interface DemoSession {
  person: string;
  token: string;
}

function readDemoSession(): DemoSession | null {
  try {
    const session = JSON.parse(sessionStorage.getItem(DEMO_KEY) ?? "null") as DemoSession | null;
    return session && typeof session.token === "string" && fresh(session.token) ? session : null;
  } catch {
    return null;
  }
}

export async function demoPeople(): Promise<DemoPerson[]> {
  const response = await fetch("/demo/idp/people", { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`demo people: HTTP ${response.status}`);
  return ((await response.json()) as { people: DemoPerson[] }).people;
}

export async function demoToken(person: string): Promise<string> {
  const response = await fetch("/demo/idp/token", {
    method: "POST",
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify({ person }),
  });
  if (!response.ok) throw new Error(`demo token: HTTP ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** The demo person signed in in this browser tab, or null. */
export function demoTokens(): TokenSource | null {
  const session = readDemoSession();
  if (!session) return null;
  return {
    kind: "demo",
    async token() {
      const current = readDemoSession();
      if (!current) throw new Error("signed out");
      return current.token;
    },
    forget: demoSignOut,
  };
}

export async function demoSignIn(person: string): Promise<TokenSource> {
  const token = await demoToken(person);
  sessionStorage.setItem(DEMO_KEY, JSON.stringify({ person, token } satisfies DemoSession));
  return demoTokens() as TokenSource;
}

export function demoSignOut(): void {
  sessionStorage.removeItem(DEMO_KEY);
}
