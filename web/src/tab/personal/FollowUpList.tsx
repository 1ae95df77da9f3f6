import { formatDate } from "../../lib/format";
import { useTexts } from "../../lib/i18n";
import { CalendarBadge, IcsButton } from "../components/FollowUpCalendar";
import { titleOf } from "./ConversationCards";
import type { DatedFollowUp } from "./overview";

/** Follow-up dates, each with the conversation it was agreed in. */
export function FollowUpList({ items, empty }: { items: DatedFollowUp[]; empty: string }) {
  const texts = useTexts();
  const { t, language } = texts;
  if (!items.length) return <p class="mymus-empty">{empty}</p>;
  return (
    <ul class="mymus-followups">
      {items.map(({ followUp, conversation }) => (
        <li key={followUp.id} class="mymus-followup" data-follow-up-id={followUp.id}>
          <time class="mymus-followup-date" dateTime={followUp.due_on}>
            {formatDate(followUp.due_on, language) ?? followUp.due_on}
          </time>
          <span class="mymus-followup-title">{followUp.title}</span>
          <span class="hint">{t("ui.mymus.followups.from", { title: titleOf(conversation, texts) })}</span>
          <CalendarBadge state={followUp.calendar} />
          <IcsButton conversationId={conversation.id} />
        </li>
      ))}
    </ul>
  );
}
