import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";

import type { ConversationSummary } from "../../lib/conversations";
import { formatDateTime } from "../../lib/format";
import { type Texts, useTexts } from "../../lib/i18n";
import { PairMark, personLabel } from "./PersonName";
import { KindLabel, StatusBadge } from "./StatusBadge";

export function conversationTitle(conversation: ConversationSummary, { t }: Texts): string {
  if (conversation.title.trim()) return conversation.title;
  return t(`ui.conversation.default_title.${conversation.kind}`, { name: conversation.employee.display_name });
}

/** One line: the title, the status and the header's actions (share to stage, more actions). Kind,
 * time, the two parties and what this person will see fold into "About this conversation", so the
 * side panel's first screen is the agenda. `neutral` (the stage, seen by everyone in the meeting)
 * leaves out what is addressed to one viewer. */
export function ConversationHeader({
  conversation,
  myObjectId,
  headingId,
  actions,
  neutral = false,
  extra,
}: {
  conversation: ConversationSummary;
  myObjectId: string;
  headingId: string;
  actions?: ComponentChildren;
  neutral?: boolean;
  /** More about the conversation, shown in "About this conversation". */
  extra?: ComponentChildren;
}) {
  const texts = useTexts();
  const { t } = texts;
  const [open, setOpen] = useState(false);
  const when = formatDateTime(conversation.scheduled_at, texts.language);
  const role = conversation.manager.object_id === myObjectId ? "manager" : "employee";
  const title = conversationTitle(conversation, texts);
  const aboutId = `${headingId}-about`;
  return (
    <div class="conversation-header" data-testid="conversation-header">
      <div class="header-line">
        <h1 id={headingId} class="title header-title" title={title}>
          {title}
        </h1>
        {actions && <div class="header-actions">{actions}</div>}
      </div>
      <div class="header-status">
        <StatusBadge status={conversation.status} />
        <PairMark relationship={conversation.relationship_check} />
        <button
          type="button"
          class="about-button"
          aria-expanded={open}
          aria-controls={aboutId}
          onClick={() => setOpen(!open)}
          data-testid="about-button"
        >
          <span class="chevron" aria-hidden="true" />
          <span>{t("ui.panel.about")}</span>
        </button>
      </div>
      <div id={aboutId} class="about" hidden={!open} data-testid="about">
        <p class="meta">
          <KindLabel kind={conversation.kind} />
          {when && <span class="when">{when}</span>}
        </p>
        <dl class="parties">
          <div>
            <dt>{t("ui.conversation.manager")}</dt>
            <dd>{personLabel(conversation.manager, texts)}</dd>
          </div>
          <div>
            <dt>{t("ui.conversation.employee")}</dt>
            <dd>{personLabel(conversation.employee, texts)}</dd>
          </div>
        </dl>
        {conversation.relationship_check === "confirmed" && (
          <p class="hint">{t("ui.conversation.pair_confirmed_hint")}</p>
        )}
        {!neutral && <p class="hint">{t(`ui.conversation.you_see.${role}`)}</p>}
        {extra}
      </div>
    </div>
  );
}
