import { formatDateTime } from "../../lib/format";
import { type Texts, useTexts } from "../../lib/i18n";
import { ErrorNotice, Loading } from "../components/Notice";
import { PairMark, personLabel } from "../components/PersonName";
import { describeError } from "../errors";
import { useLoad } from "../hooks";
import { useSession } from "../session";
import { AgreedVersion, Approvals } from "./AgreedVersion";
import { type AgreementVersion, type Goal, loadAgreed, type Summary } from "./data";
import { GoalList } from "./GoalList";
import { conversationDate, latestLocked, roleIn } from "./overview";

export function titleOf(conversation: Summary, { t }: Texts): string {
  if (conversation.title.trim()) return conversation.title;
  return t(`ui.conversation.default_title.${conversation.kind}`, { name: conversation.employee.display_name });
}

/** My conversations, newest first: title (opens the conversation), kind, status, date, the other
 * party; agreed ones with their agreement and the progress of the goals set in them. */
export function ConversationCards({ items, myObjectId }: { items: Summary[]; myObjectId: string }) {
  const texts = useTexts();
  const { t } = texts;
  return (
    <ul class="mymus-cards" data-testid="conversation-list">
      {items.map((item) => {
        const role = roleIn(item, myObjectId);
        const other = role === "manager" ? item.employee : item.manager;
        const date = conversationDate(item);
        const headingId = `conversation-${item.id}-title`;
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
