/** A text for the person for anything that went wrong, in their language. */
import { ApiError } from "../lib/api";
import type { Texts } from "../lib/i18n";
import { TeamsError } from "../lib/teams";

const EXPLAINED = new Set(["consent_required", "not_your_report", "person_unknown", "directory_unconfirmed", "directory_unavailable"]);

export function describeError(error: unknown, { t }: Texts): string {
  if (error instanceof TeamsError) {
    switch (error.step) {
      case "initialize":
      case "context":
        return t("ui.error.teams_connect");
      case "token":
        return t("ui.error.sso");
      case "stage":
        return t("ui.error.stage");
      case "config":
        return t("ui.error.config_save");
    }
  }
  if (error instanceof ApiError) {
    if (error.status === 0) return t("ui.error.network");
    if (error.status === 401) return t("ui.error.signed_out");
    // The API's own text where it tells the person what to do (give permission; who may plan with
    // whom, by the directory; try again when the directory answers).
    if (EXPLAINED.has(error.code)) return error.message;
    if (error.status === 403) return t("ui.error.forbidden");
    if (error.status === 404) return t("ui.error.not_found");
    // Rate limited: the API's text says how long to wait; a proxy's bare 429 gets a generic wait.
    if (error.status === 429) return error.code === "rate_limited" ? error.message : t("ui.error.limits_rate_limited");
    if (error.status >= 500) return t("ui.error.server");
    return error.message;
  }
  return t("ui.error.unexpected");
}

export function isAuthError(error: unknown): boolean {
  return (error instanceof TeamsError && error.step === "token") || (error instanceof ApiError && error.status === 401);
}
