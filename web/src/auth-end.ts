/** The last page of the Microsoft 365 consent pop-up: /auth/callback renders
 * plugin/signin/templates/signin/consent_done.html with this script.
 *
 * Opened by Teams with `authentication.authenticate`, the page tells Teams that the person
 * consented (teams-js sends `authentication.authenticate.success` to the window that opened it and
 * then closes the pop-up); the tab retries its request. Opened in a plain browser (no opener, no
 * parent frame), or when no Teams host answers, it shows the link back to the app. */
import { app, authentication } from "@microsoft/teams-js";

const HOST_TIMEOUT_MS = 5_000;

function show(id: string): void {
  document.getElementById(id)?.removeAttribute("hidden");
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = window.setTimeout(() => reject(new Error("The Teams host did not answer.")), ms);
    promise.then(
      (value) => {
        window.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        window.clearTimeout(timer);
        reject(error);
      },
    );
  });
}

async function main(): Promise<void> {
  const hasHost = Boolean(window.opener) || window.parent !== window;
  if (!hasHost) {
    show("consent-back");
    return;
  }
  try {
    await withTimeout(app.initialize(), HOST_TIMEOUT_MS);
    authentication.notifySuccess("consented");
    show("consent-closing");
  } catch (error) {
    console.warn("Not opened by Teams:", error instanceof Error ? error.message : error);
    show("consent-back");
  }
}

void main();
