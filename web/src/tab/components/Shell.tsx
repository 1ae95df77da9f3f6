import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";

import { useTexts } from "../../lib/i18n";
import { reportLoaded } from "../../lib/teams";

/** Outside Teams: switch demo person, or end the Microsoft browser session (a POST form). */
export type SignOut = { kind: "demo"; run: () => void } | { kind: "form"; action: string; csrfToken: string | null };

/** The frame of every surface: a small banner with the app and the signed-in person, then main. */
export function Shell({
  name,
  signOut,
  children,
}: {
  name?: string;
  signOut?: SignOut;
  children: ComponentChildren;
}) {
  const { t } = useTexts();
  return (
    <div class="page">
      <a class="skip-link" href="#main">
        {t("ui.common.skip_to_content")}
      </a>
      <header class="app-header">
        <span class="app-name">{t("ui.app.name")}</span>
        {name && (
          <span class="signed-in">
            <span class="visually-hidden">{t("ui.common.signed_in_as")} </span>
            <span data-testid="signed-in-name">{name}</span>
          </span>
        )}
        {signOut?.kind === "demo" && (
          <button type="button" class="button button-subtle button-small" onClick={signOut.run}>
            {t("ui.signin.switch_person")}
          </button>
        )}
        {signOut?.kind === "form" && (
          <form method="post" action={signOut.action} class="sign-out">
            {signOut.csrfToken && <input type="hidden" name="csrf_token" value={signOut.csrfToken} />}
            <button type="submit" class="button button-subtle button-small">
              {t("ui.signin.sign_out")}
            </button>
          </form>
        )}
      </header>
      <main id="main" class="app-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

/** Rendered once the signed-in person's name is on screen: tells Teams the app has loaded. */
export function LoadedSignal() {
  useEffect(() => {
    window.requestAnimationFrame(() => reportLoaded());
  }, []);
  return null;
}
