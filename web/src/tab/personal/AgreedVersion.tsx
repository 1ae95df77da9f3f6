/** The locked agreement version exactly as both approved it: every agenda item (its summary when the
 * version has one, every talking point, the notes), every goal with all its SMART fields and
 * deadline, the development plan, the follow-up dates, and the approvals with names and times.
 * Nothing is left out: an item without content says so. */
import { formatDate, formatDateTime, localised } from "../../lib/format";
import { useTexts } from "../../lib/i18n";
import { AgreementPdf } from "../components/AgreementPdf";
import { AgreedFollowUps } from "../components/FollowUpCalendar";
import type { AgreementVersion, Party, SnapshotAgendaItem, Summary } from "./data";

const PARTY_ORDER = { employee: 0, manager: 1 } as const;
const SMART = ["specific", "measure", "achievable", "relevance"] as const;

/** A per-item text the version may carry besides the notes (a summary), in either shape: plain
 * text, or one text per language. */
function summaryOf(item: SnapshotAgendaItem, language: "da" | "en"): string {
  const summary = (item as { summary?: unknown }).summary;
  if (typeof summary === "string") return summary.trim();
  if (summary && typeof summary === "object") {
    return localised(summary as Record<string, string | null | undefined>, language).trim();
  }
  return "";
}

export function Approvals({ version }: { version: AgreementVersion }) {
  const { t, language } = useTexts();
  const approvals = version.decisions
    .filter((decision) => decision.decision === "approved")
    .sort((a, b) => PARTY_ORDER[a.party] - PARTY_ORDER[b.party]);
  return (
    <ul class="mymus-approvals" data-testid="approvals">
      {approvals.map((decision) => (
        <li key={decision.party} data-party={decision.party}>
          {t("ui.mymus.agreement.approved_by", {
            name: decision.person.display_name || t("ui.common.unknown_person"),
            role: t(`ui.role.${decision.party}`),
            date: formatDateTime(decision.decided_at, language) ?? "",
          })}
          {decision.comment && <span class="mymus-comment"> {t("ui.mymus.agreement.comment", { comment: decision.comment })}</span>}
          {decision.disagreement && <span class="mymus-comment"> {t("ui.mymus.agreement.disagreement")}</span>}
        </li>
      ))}
    </ul>
  );
}

export function AgreedVersion({ version, conversation }: { version: AgreementVersion; conversation: Summary }) {
  const { t, language } = useTexts();
  const snapshot = version.snapshot;
  const names: Record<Party, string> = {
    employee: conversation.employee.display_name || t("ui.common.unknown_person"),
    manager: conversation.manager.display_name || t("ui.common.unknown_person"),
  };
  const goalTitle = (id: number | null) => snapshot.goals.find((goal) => goal.id === id)?.title ?? null;
  return (
    <div class="mymus-details-body mymus-agreed-version" data-testid="agreed-version" data-number={version.number}>
      <p class="hint">{t("ui.mymus.agreement.exact", { number: version.number })}</p>
      <AgreementPdf conversationId={conversation.id} number={version.number} />

      <p class="mymus-label">{t("ui.mymus.agreement.agenda")}</p>
      <ol class="mymus-agreed-list">
        {snapshot.agenda.map((item) => {
          const summary = summaryOf(item, language);
          // The working notes are never part of an agreement: the summary both approved is.
          const empty = !summary && item.talking_points.length === 0;
          return (
            <li key={item.section_key} data-testid="agreed-item" data-section={item.section_key}>
              <p class="mymus-item-title">{localised(item.title, language)}</p>
              {summary && (
                <div data-testid="agreed-summary">
                  <p class="mymus-sublabel">{t("ui.mymus.agreement.summary")}</p>
                  <p class="mymus-text">{summary}</p>
                </div>
              )}
              {item.talking_points.length > 0 && (
                <>
                  <p class="mymus-sublabel">{t("ui.mymus.agreement.points")}</p>
                  <ul class="mymus-bullets">
                    {item.talking_points.map((point, index) => (
                      <li key={index} data-testid="agreed-point">
                        {point}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {empty && <p class="hint">{t("ui.mymus.agreement.item_empty")}</p>}
            </li>
          );
        })}
      </ol>

      <p class="mymus-label">{t("ui.mymus.agreement.goals")}</p>
      {snapshot.goals.length === 0 ? (
        <p class="hint">{t("ui.mymus.agreement.goals_empty")}</p>
      ) : (
        <ul class="mymus-agreed-list">
          {snapshot.goals.map((goal) => (
            <li key={goal.id} data-testid="agreed-goal" data-agreed-goal-id={goal.id}>
              <p class="mymus-item-title">
                {goal.title}{" "}
                <span class="mymus-goal-status">{t(`ui.mymus.goal.status.${goal.status}`)}</span>
              </p>
              <dl class="mymus-fields">
                {SMART.map((name) => (
                  <div key={name} data-field={name}>
                    <dt>{t(`ui.meeting.goal.field.${name}`)}</dt>
                    <dd>{goal[name].trim() ? goal[name] : <span class="hint">{t("ui.mymus.agreement.not_filled")}</span>}</dd>
                  </div>
                ))}
                <div data-field="deadline">
                  <dt>{t("ui.meeting.goal.field.deadline")}</dt>
                  <dd>
                    {goal.deadline ? (
                      <time dateTime={goal.deadline}>{formatDate(goal.deadline, language) ?? goal.deadline}</time>
                    ) : (
                      <span class="hint">{t("ui.mymus.goal.no_deadline")}</span>
                    )}
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}

      <p class="mymus-label">{t("ui.mymus.agreement.actions")}</p>
      {snapshot.development_actions.length === 0 ? (
        <p class="hint">{t("ui.mymus.agreement.actions_empty")}</p>
      ) : (
        <ul class="mymus-agreed-list">
          {snapshot.development_actions.map((action, index) => {
            const goal = goalTitle(action.goal_id);
            return (
              <li key={index} data-testid="agreed-action">
                <p class="mymus-item-title">{action.title}</p>
                <p class="meta">
                  <span>{t(`ui.meeting.action.kind.${action.kind}`)}</span>
                  <span>{t(`ui.meeting.action.status.${action.status}`)}</span>
                  {action.owner_role && <span>{t("ui.meeting.action.owned_by", { name: names[action.owner_role] })}</span>}
                  {action.due_date && (
                    <span>{t("ui.mymus.agreement.due", { date: formatDate(action.due_date, language) ?? action.due_date })}</span>
                  )}
                </p>
                {action.resources.trim() && <p class="mymus-text">{action.resources}</p>}
                {goal && <p class="hint">{t("ui.mymus.agreement.for_goal", { title: goal })}</p>}
              </li>
            );
          })}
        </ul>
      )}

      <p class="mymus-label">{t("ui.mymus.agreement.follow_ups")}</p>
      {snapshot.follow_ups.length === 0 ? (
        <p class="hint">{t("ui.mymus.agreement.follow_ups_empty")}</p>
      ) : (
        <AgreedFollowUps conversationId={conversation.id} items={snapshot.follow_ups} refreshKey={version.locked_at} listClass="mymus-bullets" />
      )}
    </div>
  );
}
