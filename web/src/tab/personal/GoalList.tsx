import { formatDate, formatPercent } from "../../lib/format";
import { useTexts } from "../../lib/i18n";
import { CheckIns } from "../components/CheckIns";
import type { Goal } from "./data";

/** Each goal with its status, deadline and latest progress as a labelled progress bar, then every
 * check-in with the note written with its value. */
export function GoalList({ goals }: { goals: Goal[] }) {
  const { t, language } = useTexts();
  return (
    <ul class="mymus-goals">
      {goals.map((goal) => {
        const titleId = `goal-${goal.id}-title`;
        const deadline = formatDate(goal.deadline, language);
        const percent = goal.progress_percent;
        return (
          <li key={goal.id} class="mymus-goal" data-goal-id={goal.id} data-status={goal.status}>
            <p id={titleId} class="mymus-goal-title">
              {goal.title}
            </p>
            <p class="meta">
              <span class={`mymus-goal-status mymus-goal-status-${goal.status}`}>
                {t(`ui.mymus.goal.status.${goal.status}`)}
              </span>
              {deadline && goal.deadline ? (
                <span>
                  {t("ui.mymus.goal.deadline")}: <time dateTime={goal.deadline}>{deadline}</time>
                </span>
              ) : (
                <span>{t("ui.mymus.goal.no_deadline")}</span>
              )}
            </p>
            {percent === null ? (
              <p class="hint" data-testid="no-progress">
                {t("ui.mymus.goal.no_progress")}
              </p>
            ) : (
              <div class="mymus-progress-row">
                <progress
                  class="mymus-progress"
                  max={100}
                  value={percent}
                  aria-label={t("ui.mymus.goal.progress_label", { title: goal.title })}
                />
                <span class="mymus-progress-value">
                  {t("ui.mymus.goal.progress", { percent: formatPercent(percent, language) })}
                </span>
              </div>
            )}
            <CheckIns entries={goal.progress} title={goal.title} />
          </li>
        );
      })}
    </ul>
  );
}
