import type { ComponentChildren } from "preact";

import { formatDate, formatDateTime } from "../../lib/format";
import { useTexts } from "../../lib/i18n";
import type { TeamRow } from "./overview";

/** For managers: each employee with their last MUS, the next planned conversation and the
 * follow-up dates that passed without a conversation since. */
export function Team({ rows, pending }: { rows: TeamRow[] | null; pending: ComponentChildren }) {
  const { t } = useTexts();
  return (
    <section class="mymus-section" aria-labelledby="mymus-team-heading" data-testid="mymus-team">
      <h2 id="mymus-team-heading" class="section-title">
        {t("ui.mymus.team.heading")}
      </h2>
      <p class="hint">{t("ui.mymus.team.intro")}</p>
      {rows === null ? pending : <TeamList rows={rows} />}
    </section>
  );
}

function TeamList({ rows }: { rows: TeamRow[] }) {
  const { t, language } = useTexts();
  return (
    <ul class="mymus-cards">
      {rows.map((row) => {
        const headingId = `team-${row.employee.object_id}`;
        const next = row.next;
        const nextDate = next ? formatDateTime(next.scheduled_at, language) : null;
        return (
          <li key={row.employee.object_id} class="mymus-card" data-employee={row.employee.object_id}>
            <h3 id={headingId} class="mymus-card-title">
              {row.employee.display_name || t("ui.common.unknown_person")}
            </h3>
            <dl class="mymus-facts">
              <div data-fact="last-mus">
                <dt>{t("ui.mymus.team.last_mus")}</dt>
                <dd>
                  {row.lastMus ? (
                    <time dateTime={row.lastMus.date}>{formatDateTime(row.lastMus.date, language)}</time>
                  ) : (
                    t("ui.mymus.team.none")
                  )}
                </dd>
              </div>
              <div data-fact="next">
                <dt>{t("ui.mymus.team.next")}</dt>
                <dd>
                  {!next && t("ui.mymus.team.none")}
                  {next && nextDate && (
                    <>
                      {t(`ui.kind.${next.kind}`)} <time dateTime={next.scheduled_at ?? ""}>{nextDate}</time>
                    </>
                  )}
                  {next && !nextDate && t("ui.mymus.team.no_date", { kind: t(`ui.kind.${next.kind}`) })}
                </dd>
              </div>
              <div data-fact="overdue">
                <dt>{t("ui.mymus.team.overdue")}</dt>
                <dd>
                  {row.overdue.length === 0 ? (
                    t("ui.mymus.team.none")
                  ) : (
                    <ul class="mymus-bullets">
                      {row.overdue.map(({ followUp }) => (
                        <li key={followUp.id} class="mymus-overdue">
                          {t("ui.mymus.team.overdue_item", {
                            title: followUp.title,
                            date: formatDate(followUp.due_on, language) ?? followUp.due_on,
                          })}
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            </dl>
            {row.dueForMus && <p class="mymus-warning">{t("ui.mymus.team.due")}</p>}
          </li>
        );
      })}
    </ul>
  );
}
