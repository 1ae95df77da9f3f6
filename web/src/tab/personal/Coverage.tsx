import { useTexts } from "../../lib/i18n";
import { ErrorNotice, Loading } from "../components/Notice";
import { describeError } from "../errors";
import { useLoad } from "../hooks";
import { useSession } from "../session";
import { getCoverage } from "./data";

/** A figure, or "fewer than 5" when the API held it back (a group under the minimum size, or a
 * figure from which such a group could be worked out). */
function Figure({ value, min }: { value: number | null; min: number }) {
  const { t, language } = useTexts();
  if (value === null) {
    return (
      <span class="mymus-suppressed" data-suppressed="true">
        {t("ui.mymus.coverage.suppressed", { min })}
      </span>
    );
  }
  return <span data-suppressed="false">{value.toLocaleString(language === "da" ? "da-DK" : "en-GB")}</span>;
}

/** For HR (the organisation's admins): how many conversations were held, are planned and are
 * overdue. Counts only; figures about fewer than 5 people are not shown. */
export function Coverage() {
  const texts = useTexts();
  const { t } = texts;
  const { api } = useSession();
  const [coverage, reload] = useLoad(() => getCoverage(api), [api]);
  return (
    <section class="mymus-section" aria-labelledby="mymus-coverage-heading" data-testid="mymus-coverage">
      <h2 id="mymus-coverage-heading" class="section-title">
        {t("ui.mymus.coverage.heading")}
      </h2>
      {coverage.status === "loading" && <Loading />}
      {coverage.status === "error" && (
        <ErrorNotice message={describeError(coverage.error, texts)} onRetry={reload} />
      )}
      {coverage.status === "ok" && (
        <>
          <p class="hint" id="mymus-coverage-note">
            {t("ui.mymus.coverage.note", { min: coverage.value.min_group_size })}
          </p>
          <ul class="mymus-cards">
            {coverage.value.kinds.map((row) => (
              <li key={row.kind} class="mymus-card" data-kind={row.kind}>
                <h3 class="mymus-card-title">{t(`ui.kind.${row.kind}`)}</h3>
                <dl class="mymus-facts" aria-describedby="mymus-coverage-note">
                  {(["held", "planned", "overdue"] as const).map((name) => (
                    <div key={name} data-fact={name}>
                      <dt>{t(`ui.mymus.coverage.${name}`)}</dt>
                      <dd>
                        <Figure value={row[name]} min={coverage.value.min_group_size} />
                      </dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
          <dl class="mymus-facts" aria-describedby="mymus-coverage-note">
            <div data-fact="employees_with_mus">
              <dt>{t("ui.mymus.coverage.employees_with_mus")}</dt>
              <dd>
                <Figure value={coverage.value.employees_with_mus} min={coverage.value.min_group_size} />
              </dd>
            </div>
            <div data-fact="follow_ups_overdue">
              <dt>{t("ui.mymus.coverage.follow_ups_overdue")}</dt>
              <dd>
                <Figure value={coverage.value.follow_ups_overdue} min={coverage.value.min_group_size} />
              </dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}
