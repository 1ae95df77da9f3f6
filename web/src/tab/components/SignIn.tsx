import { useState } from "preact/hooks";

import { type DemoPerson, demoPeople, demoSignIn } from "../../lib/auth";
import { useTexts } from "../../lib/i18n";
import { describeError } from "../errors";
import { useLoad } from "../hooks";
import { ErrorNotice, Loading } from "./Notice";

/** /auth/login, coming back to this page afterwards. */
function signInLink(base: string): string {
  const here = window.location.pathname + window.location.search;
  return `${base}?next=${encodeURIComponent(here)}`;
}

/** Outside Teams: pick a demo person (demo mode) or sign in with Microsoft. */
export function SignIn({ demo, signInUrl, onSignedIn }: { demo: boolean; signInUrl: string; onSignedIn: () => void }) {
  const { t } = useTexts();
  return (
    <section class="stack" aria-labelledby="signin-heading">
      <h1 id="signin-heading" class="title">
        {t("ui.signin.heading")}
      </h1>
      {demo ? (
        <DemoPicker onSignedIn={onSignedIn} />
      ) : (
        <>
          <p>{t("ui.signin.intro")}</p>
          <p>
            <a class="button button-primary" href={signInLink(signInUrl)}>
              {t("ui.signin.button")}
            </a>
          </p>
        </>
      )}
    </section>
  );
}

function DemoPicker({ onSignedIn }: { onSignedIn: () => void }) {
  const texts = useTexts();
  const { t } = texts;
  const [people, reload] = useLoad(demoPeople, []);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const pick = async (person: DemoPerson) => {
    setBusy(person.key);
    setFailure(null);
    try {
      await demoSignIn(person.key);
      onSignedIn();
    } catch (error) {
      setFailure(describeError(error, texts));
      setBusy(null);
    }
  };

  if (people.status === "loading") return <Loading />;
  if (people.status === "error") return <ErrorNotice message={describeError(people.error, texts)} onRetry={reload} />;
  return (
    <>
      <p>{t("ui.signin.demo_intro")}</p>
      <ul class="people" aria-label={t("ui.signin.demo_people")} data-testid="person-picker">
        {people.value.map((person) => (
          <li key={person.key}>
            <button
              type="button"
              class="person"
              data-person={person.key}
              disabled={busy !== null}
              onClick={() => pick(person)}
            >
              <span class="person-name">{person.name}</span>
              <span class="person-role">{t(`ui.role.${person.role}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      {failure && <ErrorNotice message={failure} />}
    </>
  );
}
