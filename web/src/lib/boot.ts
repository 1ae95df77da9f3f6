/** The data the server embeds in each page as <script type="application/json" id="mus-boot">. */
import type { Language, TextTable } from "./i18n";

export type Surface = "sidepanel" | "stage" | "content" | "config" | "personal";

export interface TabBoot {
  surface: Surface;
  demo: boolean;
  language: Language;
  texts: TextTable;
  signInUrl: string;
  signOutUrl: string;
  /** The browser session's CSRF token: every change made with the session cookie sends it back. */
  csrfToken: string | null;
}

export function readBoot<T>(id = "mus-boot"): T {
  const element = document.getElementById(id);
  if (!element?.textContent) throw new Error(`#${id} is missing from the page`);
  return JSON.parse(element.textContent) as T;
}
