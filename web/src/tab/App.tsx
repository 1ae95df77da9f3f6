import { useEffect, useMemo, useRef, useState } from "preact/hooks";

import { demoSignOut } from "../lib/auth";
import type { TabBoot } from "../lib/boot";
import { type Language, Texts, TextsContext } from "../lib/i18n";
import { reportFailure, TeamsError } from "../lib/teams";
import { ErrorNotice, Loading } from "./components/Notice";
import { LoadedSignal, Shell, type SignOut } from "./components/Shell";
import { SignIn } from "./components/SignIn";
import { describeError, isAuthError } from "./errors";
import { ConsentStatus } from "./personal/ConsentStatus";
import { SessionContext } from "./session";
import { type Phase, startSession } from "./start";
import { chooseSurface } from "./surface";
import { loadedSurface, loadSurface } from "./surfaces";

/** Connect to Teams (or not), get a token, fetch who is signed in, then show the surface. */
export function App({ boot }: { boot: TabBoot }) {
  const [language, setLanguage] = useState<Language>(boot.language);
  const texts = useMemo(() => new Texts(boot.texts, language), [boot.texts, language]);
  const languageRef = useRef(language);
  languageRef.current = language;
  const [phase, setPhase] = useState<Phase>({ kind: "starting" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const control = {
      get: () => languageRef.current,
      set: (next: Language) => {
        languageRef.current = next;
        setLanguage(next);
      },
    };
    setPhase({ kind: "starting" });
    // The page's own surface loads while Teams connects; the one the frame context asks for, if another.
    const early = loadSurface(boot.surface).catch(() => undefined);
    startSession(boot, control)
      .then(async (next) => {
        if (next.kind === "ready") {
          await early;
          await loadSurface(chooseSurface(boot.surface, next.session.context));
        }
        return next;
      })
      .then(
      (next) => live && setPhase(next),
      (error: unknown) => {
        if (!live) return;
        setPhase({ kind: "failed", error });
        if (!(error instanceof TeamsError && error.step === "initialize")) {
          reportFailure(isAuthError(error) ? "auth" : "other", describeError(error, texts.in(languageRef.current)));
        }
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const surface = phase.kind === "ready" ? chooseSurface(boot.surface, phase.session.context) : boot.surface;
  useEffect(() => {
    document.body.dataset.surface = surface;
    document.documentElement.lang = language;
    document.title = `${texts.t(`ui.surface.${surface}`)} · ${texts.t("ui.app.name")}`;
  }, [surface, language, texts]);

  const retry = () => {
    // teams-js can be initialized once per page: a failed connection needs a fresh page.
    if (phase.kind === "failed" && phase.error instanceof TeamsError && phase.error.step === "initialize") {
      window.location.reload();
    } else {
      setAttempt((n) => n + 1);
    }
  };

  let body;
  if (phase.kind === "ready") {
    const Surface = loadedSurface(surface) ?? Loading;
    let signOut: SignOut | undefined;
    if (phase.session.context === null) {
      signOut = boot.demo
        ? {
            kind: "demo",
            run: () => {
              demoSignOut();
              setAttempt((n) => n + 1);
            },
          }
        : { kind: "form", action: boot.signOutUrl, csrfToken: boot.csrfToken };
    }
    body = (
      <SessionContext.Provider value={phase.session}>
        {/* The stage is seen by everyone in the meeting: not the signed-in person's name. */}
        <Shell name={surface === "stage" ? undefined : phase.session.me.display_name} signOut={signOut}>
          <LoadedSignal />
          <ConsentStatus />
          <Surface />
        </Shell>
      </SessionContext.Provider>
    );
  } else {
    body = (
      <Shell>
        <ConsentStatus />
        {phase.kind === "starting" && <Loading />}
        {phase.kind === "signin" && (
          <SignIn demo={boot.demo} signInUrl={boot.signInUrl} onSignedIn={() => setAttempt((n) => n + 1)} />
        )}
        {phase.kind === "failed" && <ErrorNotice message={describeError(phase.error, texts)} onRetry={retry} />}
      </Shell>
    );
  }
  return <TextsContext.Provider value={texts}>{body}</TextsContext.Provider>;
}
