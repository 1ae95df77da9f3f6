/** Starting a surface: connect to Teams (or find we are in a plain browser), follow its theme and
 * locale, pick the token source, and fetch who is signed in. */
import { Api } from "../lib/api";
import { browserSessionTokens, demoTokens, type TokenSource, teamsTokens } from "../lib/auth";
import type { TabBoot } from "../lib/boot";
import { getMe } from "../lib/conversations";
import { type Language, languageOf } from "../lib/i18n";
import { applyTheme } from "../lib/theme";
import { connect, onThemeChange } from "../lib/teams";
import { isAuthError } from "./errors";
import type { Session } from "./session";
import { chooseSurface } from "./surface";
import { prefetchBoundConversation } from "./useConversation";

/** The surfaces that show one conversation (its load starts beside /api/me). */
const SHOW_CONVERSATION = new Set(["sidepanel", "stage", "content"]);

export type Phase =
  | { kind: "starting" }
  | { kind: "signin" }
  | { kind: "failed"; error: unknown }
  | { kind: "ready"; session: Session };

export interface LanguageControl {
  get(): Language;
  set(language: Language): void;
}

let followingTheme = false;

export async function startSession(boot: TabBoot, language: LanguageControl): Promise<Phase> {
  const connection = await connect();
  let tokens: TokenSource | null;
  if (connection.inTeams) {
    const { context } = connection;
    applyTheme(context.app.theme);
    if (!followingTheme) {
      followingTheme = true;
      onThemeChange(applyTheme);
    }
    language.set(languageOf(context.app.locale) ?? boot.language);
    tokens = teamsTokens();
  } else {
    tokens = boot.demo ? demoTokens() : browserSessionTokens();
    if (!tokens) return { kind: "signin" };
  }
  const api = new Api(tokens, language.get);
  const context = connection.inTeams ? connection.context : null;
  if (context && SHOW_CONVERSATION.has(chooseSurface(boot.surface, context))) prefetchBoundConversation(api, context);
  try {
    const me = await getMe(api);
    return { kind: "ready", session: { api, me, context, demo: boot.demo } };
  } catch (error) {
    if (!connection.inTeams && isAuthError(error)) return { kind: "signin" };
    throw error;
  }
}
