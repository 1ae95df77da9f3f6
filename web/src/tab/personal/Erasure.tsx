import { useState } from "preact/hooks";

import type { components } from "../../lib/api/schema";
import { formatDate } from "../../lib/format";
import { useTexts } from "../../lib/i18n";
import { ErrorNotice, Loading } from "../components/Notice";
import { describeError } from "../errors";
import { useLoad } from "../hooks";
import { useSession } from "../session";

type Preview = components["schemas"]["ErasurePreview"];
type Done = components["schemas"]["ErasureDone"];
type Step = { status: "idle" } | { status: "working" } | { status: "done"; value: Done } | { status: "error"; error: unknown };

/** Erase my data: the policy, what goes at once and what stays until when (the API's preview, in my
 * language), then a typed confirmation. A wrong word is refused where it was typed. */
export function Erasure() {
  const texts = useTexts();
  const { t } = texts;
  const { api } = useSession();
  const [preview, reload] = useLoad(() => api.get<Preview>("/api/me/erasure"), [api]);
  const [typed, setTyped] = useState("");
  const [tried, setTried] = useState(false);
  const [step, setStep] = useState<Step>({ status: "idle" });
  const word = t("ui.personal.erasure.confirm_word");
  const matches = typed.trim() === word;

  const submit = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    if (!matches || step.status === "working") return;
    setStep({ status: "working" });
    try {
      setStep({ status: "done", value: await api.post<Done>("/api/me/erasure", { confirm: true }) });
    } catch (error) {
      setStep({ status: "error", error });
    }
  };

  const shown: Preview | null = step.status === "done" ? step.value : preview.status === "ok" ? preview.value : null;
  const refused = tried && !matches;

  return (
    <section class="mymus-section" aria-labelledby="erasure-heading" data-testid="erasure">
      <h2 id="erasure-heading" class="section-title">
        {t("ui.personal.erasure.heading")}
      </h2>
      <p class="hint">{t("ui.personal.erasure.policy")}</p>
      {preview.status === "loading" && <Loading label={t("ui.personal.erasure.loading")} />}
      {preview.status === "error" && <ErrorNotice message={describeError(preview.error, texts)} onRetry={reload} />}
      {step.status === "done" && (
        <p class="rights-done" role="status" data-testid="erasure-done">
          {t("ui.personal.erasure.done", { date: formatDate(step.value.erased_at, texts.language) ?? "" })}
        </p>
      )}
      {shown && (
        <>
          <h3 class="rights-subtitle">{t("ui.personal.erasure.goes_now")}</h3>
          <ul class="rights-list" data-testid="erasure-goes-now">
            {shown.goes_now.map((line) => (
              <li key={line.kind}>{line.text}</li>
            ))}
          </ul>
          <h3 class="rights-subtitle">{t("ui.personal.erasure.kept_until")}</h3>
          {shown.kept_until.length ? (
            <ul class="rights-list" data-testid="erasure-kept">
              {shown.kept_until.map((kept) => (
                <li key={kept.conversation_id}>{kept.text}</li>
              ))}
            </ul>
          ) : (
            <p class="mymus-empty">{t("ui.personal.erasure.kept_none")}</p>
          )}
          <h3 class="rights-subtitle">{t("ui.personal.erasure.kept_always")}</h3>
          <ul class="rights-list">
            {shown.kept_always.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      )}
      {preview.status === "ok" && step.status !== "done" && preview.value.erased && (
        <p class="mymus-empty">{t("ui.personal.erasure.nothing")}</p>
      )}
      {preview.status === "ok" && step.status !== "done" && !preview.value.erased && (
        <form class="rights-form" onSubmit={submit} noValidate>
          <div class="field">
            <label for="erasure-confirm">{t("ui.personal.erasure.confirm_label", { word })}</label>
            <p id="erasure-confirm-hint" class="hint">
              {t("ui.personal.erasure.confirm_hint")}
            </p>
            <input
              id="erasure-confirm"
              class="input"
              type="text"
              autocomplete="off"
              spellcheck={false}
              value={typed}
              aria-invalid={refused}
              aria-describedby={refused ? "erasure-confirm-hint erasure-confirm-refusal" : "erasure-confirm-hint"}
              onInput={(event) => setTyped((event.target as HTMLInputElement).value)}
            />
            {refused && (
              <p id="erasure-confirm-refusal" class="rights-refusal" role="alert">
                {t("ui.personal.erasure.confirm_mismatch", { word })}
              </p>
            )}
          </div>
          <div>
            <button type="submit" class="button button-primary" aria-disabled={step.status === "working"}>
              {step.status === "working" ? t("ui.personal.erasure.working") : t("ui.personal.erasure.confirm_button")}
            </button>
          </div>
          {step.status === "error" && <ErrorNotice message={describeError(step.error, texts)} />}
        </form>
      )}
    </section>
  );
}
