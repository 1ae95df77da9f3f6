/** Microsoft 365 consent. When the API answers 403 `consent_required`, the on-behalf-of exchange
 * needs the person's consent before the app may call Microsoft Graph for them.
 *
 * - Inside Teams: `authentication.authenticate` opens /auth/consent in a pop-up. The page the
 *   pop-up ends on (auth-end.ts) calls `authentication.notifySuccess`; the request is then retried
 *   once (lib/api.ts).
 * - In a plain browser: the page goes to /auth/consent?next=<this page>, which comes back here.
 *
 * One consent at a time: requests that fail together wait for the same pop-up. */
import { authentication } from "@microsoft/teams-js";

import { languageOf } from "./i18n";
import { connect, reportLoaded, type TeamsContext } from "./teams";

export const CONSENT_PATH = "/auth/consent";
export const POPUP_SIZE = { width: 600, height: 535 };

type Listener = (asking: boolean) => void;
const listeners = new Set<Listener>();
let asking = false;
let pending: Promise<boolean> | null = null;

function setAsking(value: boolean): void {
  asking = value;
  for (const listener of listeners) listener(value);
}

/** True while the consent pop-up is open. */
export function isAskingForConsent(): boolean {
  return asking;
}

/** Calls `listener` whenever the pop-up opens or closes; returns the unsubscribe function. */
export function onConsentChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The pop-up's URL: the person's sign-in name as hint and the tab's language. */
export function consentUrl(context: TeamsContext): string {
  const query = new URLSearchParams();
  const hint = context.user?.loginHint;
  if (hint) query.set("login_hint", hint);
  query.set("locale", languageOf(context.app.locale) ?? "da");
  return `${CONSENT_PATH}?${query.toString()}`;
}

/** Outside Teams: the consent page, coming back to this page afterwards. */
export function consentPageUrl(location: Pick<Location, "pathname" | "search"> = window.location): string {
  return `${CONSENT_PATH}?next=${encodeURIComponent(location.pathname + location.search)}`;
}

/** Asks for consent. Resolves true when the person consented (retry the request), false when the
 * pop-up failed or was closed. In a plain browser the page navigates away and it never resolves. */
export function askForConsent(): Promise<boolean> {
  pending ??= run().finally(() => {
    pending = null;
  });
  return pending;
}

async function run(): Promise<boolean> {
  const connection = await connect().catch(() => null);
  if (!connection) return false;
  if (!connection.inTeams) {
    window.location.assign(consentPageUrl());
    return new Promise<boolean>(() => undefined);
  }
  // Teams hides the app behind its loading indicator until it reports success: the person must
  // see what the pop-up is for (and Teams would time out while they decide).
  reportLoaded();
  setAsking(true);
  try {
    await authentication.authenticate({ url: consentUrl(connection.context), ...POPUP_SIZE });
    return true;
  } catch (error) {
    console.warn("Microsoft 365 consent was not completed:", error instanceof Error ? error.message : error);
    return false;
  } finally {
    setAsking(false);
  }
}
