/** What an agreement version records: a summary per agenda item, the goals, the development plan
 * and the follow-up dates. Read-only (a version never changes). */
import { formatDate, localised } from "../../../lib/format";
import { useTexts } from "../../../lib/i18n";
import type { Party, Snapshot } from "../../../lib/meeting/types";
import { AgreedFollowUps } from "../../components/FollowUpCalendar";

/** `calendarOf`: the conversation whose locked agreement this is, to show each follow-up's place in
 * the calendar and the .ics download (only for the agreed version). */
export function SnapshotView({
  snapshot,
  names,
  calendarOf,
  refreshKey,
}: {
  snapshot: Snapshot;
  names: Record<Party, string>;
  calendarOf?: number;
  refreshKey?: unknown;
}) {
  const { t, language } = useTexts();
  const items = snapshot.agenda.filter((item) => item.summary.trim() || item.talking_points.length);
  return (
    <div class="snapshot">
      <h4 class="sub-title">{t("ui.meeting.agreement.summary")}</h4>
      {items.length === 0 ? (
        <p class="hint">{t("ui.meeting.agreement.summary_empty")}</p>
      ) : (
        <dl class="summary-list">
          {items.map((item) => (
            <div key={item.section_key} class="summary-item" data-section={item.section_key}>
              <dt>{localised(item.title, language)}</dt>
              {item.talking_points.map((point, index) => (
                <dd key={`p${index}`} class="summary-point">
                  {point}
                </dd>
              ))}
              {item.summary.trim() && <dd class="summary-notes">{item.summary}</dd>}
            </div>
          ))}
        </dl>
      )}

      <h4 class="sub-title">{t("ui.meeting.goals.heading")}</h4>
      {snapshot.goals.length === 0 ? (
        <p class="hint">{t("ui.meeting.goals.none")}</p>
      ) : (
        <ul class="cards">
          {snapshot.goals.map((goal) => (
            <li key={goal.id} class="card" data-testid="agreement-goal">
              <p class="card-title">{goal.title}</p>
              <dl class="goal-fields">
                {goal.specific && <Pair term={t("ui.meeting.goal.field.specific")} value={goal.specific} />}
                {goal.measure && <Pair term={t("ui.meeting.goal.field.measure")} value={goal.measure} />}
                {goal.achievable && <Pair term={t("ui.meeting.goal.field.achievable")} value={goal.achievable} />}
                {goal.relevance && <Pair term={t("ui.meeting.goal.field.relevance")} value={goal.relevance} />}
                {goal.deadline && <Pair term={t("ui.meeting.goal.field.deadline")} value={formatDate(goal.deadline, language) ?? ""} />}
              </dl>
            </li>
          ))}
        </ul>
      )}

      <h4 class="sub-title">{t("ui.meeting.development.heading")}</h4>
      {snapshot.development_actions.length === 0 ? (
        <p class="hint">{t("ui.meeting.development.none")}</p>
      ) : (
        <ul class="cards">
          {snapshot.development_actions.map((action, index) => (
            <li key={index} class="card" data-testid="agreement-action">
              <p class="card-title">{action.title}</p>
              <p class="hint">
                {t(`ui.meeting.action.kind.${action.kind}`)}
                {action.owner_role && ` · ${t("ui.meeting.action.owned_by", { name: names[action.owner_role] })}`}
                {action.due_date && ` · ${t("ui.meeting.goal.due", { date: formatDate(action.due_date, language) ?? "" })}`}
              </p>
              {action.resources && <p>{action.resources}</p>}
            </li>
          ))}
        </ul>
      )}

      <h4 class="sub-title">{t("ui.meeting.follow_ups.heading")}</h4>
      {snapshot.follow_ups.length === 0 ? (
        <p class="hint">{t("ui.meeting.follow_ups.none")}</p>
      ) : calendarOf !== undefined ? (
        <AgreedFollowUps conversationId={calendarOf} items={snapshot.follow_ups} refreshKey={refreshKey} />
      ) : (
        <ul class="plain-list">
          {snapshot.follow_ups.map((followUp, index) => (
            <li key={index}>
              {formatDate(followUp.due_on, language)} · {followUp.title}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Pair({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
