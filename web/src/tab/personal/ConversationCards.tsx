import { formatDateTime } from "../../lib/format";
import { type Texts, useTexts } from "../../lib/i18n";
import { ErrorNotice, Loading } from "../components/Notice";
import { PairMark, personLabel } from "../components/PersonName";
import { describeError } from "../errors";
import { useLoad } from "../hooks";
import { useSession } from "../session";
import { AgreedVersion, Approvals } from "./AgreedVersion";
import { type AgreementVersion, type Goal, loadAgreed, type SentReminder, type Summary } from "./data";
import { GoalList } from "./GoalList";
import { InviteButton } from "./InviteButton";
import { conversationDate, latestLocked, roleIn } from "./overview";

export function titleOf(conversation: Summary, { t }: Texts): string {
  if (conversation.title.trim()) return conversation.title;
  return t(`ui.conversation.default_title.${conversation.kind}`, { name: conversation.employee.display_name });
}

/** My conversations, newest first: title (opens the conversation), kind, status, date, the other
 * party, the last reminder sent to me about it; agreed ones with their agreement and the progress of
 * the goals set in them. */
export function ConversationCards({
  items,
  myObjectId,
  reminders,
}: {
  items: Summary[];
  myObjectId: string;
  reminders?: Map<number, SentReminder>;
}) {
  const texts = useTexts();
  const { t } = texts;
  return (
    <ul class="mymus-cards" data-testid="conversation-list">
      {items.map((item) => {
        const role = roleIn(item, myObjectId);
        const other = role === "manager" ? item.employee : item.manager;
        const date = conversationDate(item);
        const headingId = `conversation-${item.id}-title`;
        const reminder = reminders?.get(item.id);
        return (
          <li key={item.id} class="mymus-card" data-conversation-id={item.id} data-status={item.status}>
            <h3 id={headingId} class="mymus-card-title">
              <a class="conversation-link" href={`/tab/content?conversation=${item.id}`}>
                {titleOf(item, texts)}
              </a>
            </h3>
            <p class="meta">
              <span>{t(`ui.kind.${item.kind}`)}</span>
              <span class={`mymus-status mymus-status-${item.status}`}>{t(`ui.status.${item.status}`)}</span>
              <PairMark relationship={item.relationship_check} />
              {date ? (
                <time dateTime={date}>{formatDateTime(date, texts.language)}</time>
              ) : (
                <span>{t("ui.mymus.no_date")}</span>
              )}
            </p>
            <p class="hint">
              {t(`ui.mymus.with.${role}`, { name: personLabel(other, texts) })}
            </p>
            {item.created_by.object_id === item.employee.object_id && item.employee.object_id !== item.manager.object_id && (
              <p class="hint" data-testid="asked-by">
                {t("ui.mymus.asked_by", { name: item.employee.display_name || t("ui.common.unknown_person") })}
              </p>
            )}
            {(item.calendar_status === "pending" || item.calendar_status === "not_permitted") && (
              <p class="hint" data-testid="calendar-status">
                {t(`ui.mymus.calendar.${item.calendar_status}`)}
              </p>
            )}
            {item.status !== "agreed" && (item.meeting.join_url || item.scheduled_at) && (
              <div class="button-row">
                {item.meeting.join_url && (
                  <a class="button button-small" href={item.meeting.join_url} target="_blank" rel="noopener noreferrer" data-testid="join-teams">
                    {t("ui.mymus.join")}
                  </a>
                )}
                {item.scheduled_at && <InviteButton id={item.id} />}
              </div>
            )}
            {reminder && (
              <p class="hint" data-testid="reminder-sent">
                {t(`ui.mymus.reminder.${reminder.channel}`, {
                  date: formatDateTime(reminder.sent_at, texts.language) ?? "",
                })}
              </p>
            )}
            {item.status === "agreed" && <AgreedDetails conversation={item} headingId={headingId} />}
          </li>
        );
      })}
    </ul>
  );
}

function AgreedDetails({ conversation, headingId }: { conversation: Summary; headingId: string }) {
  const texts = useTexts();
  const { t } = texts;
  const { api } = useSession();
  const [state, reload] = useLoad(() => loadAgreed(api, conversation.id), [api, conversation.id]);
  if (state.status === "loading") return <Loading label={t("ui.mymus.agreement.loading")} />;
  if (state.status === "error") return <ErrorNotice message={describeError(state.error, texts)} onRetry={reload} />;
  const locked = latestLocked(state.value.agreement.items);
  return (
    <div class="mymus-agreed">
      <AgreementSummary version={locked} conversation={conversation} />
      <Goals goals={state.value.goals} id={conversation.id} labelledBy={headingId} />
    </div>
  );
}

/** The latest locked version: who approved it and when, and (on demand) all of it, exactly as both
 * approved it (AgreedVersion). */
function AgreementSummary({ version, conversation }: { version: AgreementVersion | null; conversation: Summary }) {
  const { t, language } = useTexts();
  const headingId = `agreement-${conversation.id}-heading`;
  return (
    <section class="mymus-subsection" aria-labelledby={headingId} data-testid="agreement">
      <h4 id={headingId} class="mymus-subtitle">
        {t("ui.mymus.agreement.heading")}
      </h4>
      {version ? (
        <>
          <p>
            {t("ui.mymus.agreement.version", {
              number: version.number,
              date: formatDateTime(version.locked_at, language) ?? "",
            })}
          </p>
          <Approvals version={version} />
          <details class="mymus-details" data-testid="agreement-content">
            <summary>{t("ui.mymus.agreement.content")}</summary>
            <AgreedVersion version={version} conversation={conversation} />
          </details>
        </>
      ) : (
        <p class="hint">{t("ui.mymus.agreement.none")}</p>
      )}
    </section>
  );
}

function Goals({ goals, id, labelledBy }: { goals: Goal[]; id: number; labelledBy: string }) {
  const { t } = useTexts();
  const headingId = `goals-${id}-heading`;
  return (
    <section class="mymus-subsection" aria-labelledby={`${headingId} ${labelledBy}`} data-testid="goals">
      <h4 id={headingId} class="mymus-subtitle">
        {t("ui.mymus.goals.heading")}
      </h4>
      {goals.length ? <GoalList goals={goals} /> : <p class="hint">{t("ui.mymus.goals.empty")}</p>}
    </section>
  );
}
