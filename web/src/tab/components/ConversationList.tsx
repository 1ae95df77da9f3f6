import type { ConversationSummary } from "../../lib/conversations";
import { formatDateTime } from "../../lib/format";
import { useTexts } from "../../lib/i18n";
import { conversationTitle } from "./ConversationHeader";
import { PairMark, personLabel } from "./PersonName";
import { KindLabel, StatusBadge } from "./StatusBadge";

/** My conversations, newest first (the API's order), each linking to its detail view. */
export function ConversationList({ items, myObjectId }: { items: ConversationSummary[]; myObjectId: string }) {
  const texts = useTexts();
  const { t } = texts;
  return (
    <ul class="conversation-list" data-testid="conversation-list">
      {items.map((item) => {
        const other = item.manager.object_id === myObjectId ? item.employee : item.manager;
        const role = item.manager.object_id === myObjectId ? "manager" : "employee";
        const when = formatDateTime(item.scheduled_at, texts.language);
        return (
          <li key={item.id} class="conversation-card">
            <a class="conversation-link" href={`/tab/content?conversation=${item.id}`}>
              {conversationTitle(item, texts)}
            </a>
            <p class="meta">
              <KindLabel kind={item.kind} />
              <StatusBadge status={item.status} />
              <PairMark relationship={item.relationship_check} />
            </p>
            <p class="hint">
              {t(`ui.personal.with.${role}`, { name: personLabel(other, texts) })}
              {when && ` · ${when}`}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
