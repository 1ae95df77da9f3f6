import type { ConversationSummary } from "../../lib/conversations";
import { formatDateTime } from "../../lib/format";
import { type Texts, useTexts } from "../../lib/i18n";
import { KindLabel, StatusBadge } from "./StatusBadge";

export function conversationTitle(conversation: ConversationSummary, { t }: Texts): string {
  if (conversation.title.trim()) return conversation.title;
  return t(`ui.conversation.default_title.${conversation.kind}`, { name: conversation.employee.display_name });
}

/** Title, kind, status, time and the two parties; and what this person will see. */
export function ConversationHeader({
  conversation,
  myObjectId,
  headingId,
}: {
  conversation: ConversationSummary;
  myObjectId: string;
  headingId: string;
}) {
  const texts = useTexts();
  const { t } = texts;
  const when = formatDateTime(conversation.scheduled_at, texts.language);
  const role = conversation.manager.object_id === myObjectId ? "manager" : "employee";
  return (
    <div class="conversation-header">
      <h1 id={headingId} class="title">
        {conversationTitle(conversation, texts)}
      </h1>
      <p class="meta">
        <KindLabel kind={conversation.kind} />
        <StatusBadge status={conversation.status} />
        {when && <span class="when">{when}</span>}
      </p>
      <dl class="parties">
        <div>
          <dt>{t("ui.conversation.manager")}</dt>
          <dd>{conversation.manager.display_name || t("ui.common.unknown_person")}</dd>
        </div>
        <div>
          <dt>{t("ui.conversation.employee")}</dt>
          <dd>{conversation.employee.display_name || t("ui.common.unknown_person")}</dd>
        </div>
      </dl>
      <p class="hint">{t(`ui.conversation.you_see.${role}`)}</p>
    </div>
  );
}
