import { useTexts } from "../../lib/i18n";
import { describeError } from "../errors";
import { useSession } from "../session";
import { useBoundConversation } from "../useConversation";
import { AgendaList } from "./AgendaList";
import { ConversationHeader } from "./ConversationHeader";
import { Empty, ErrorNotice, Loading } from "./Notice";
import { ShareToStage } from "./ShareToStage";

/** One conversation: header, agenda; narrow (side panel) or wide (stage, tab). */
export function ConversationView({ wide = false, share = false }: { wide?: boolean; share?: boolean }) {
  const texts = useTexts();
  const { t } = texts;
  const { me, context } = useSession();
  const [state, reload] = useBoundConversation();
  if (state.status === "loading") return <Loading label={t("ui.conversation.loading")} />;
  if (state.status === "error") return <ErrorNotice message={describeError(state.error, texts)} onRetry={reload} />;
  const conversation = state.value;
  if (!conversation) {
    return (
      <Empty>
        <p>{context?.meeting?.id ? t("ui.conversation.none_in_meeting") : t("ui.conversation.none")}</p>
        <p>
          <a href="/tab/personal">{t("ui.personal.open")}</a>
        </p>
      </Empty>
    );
  }
  return (
    <article
      class={wide ? "conversation conversation-wide" : "conversation"}
      aria-labelledby="conversation-title"
      data-conversation-id={conversation.id}
    >
      <ConversationHeader conversation={conversation} myObjectId={me.object_id} headingId="conversation-title" />
      {share && <ShareToStage conversationId={conversation.id} />}
      <AgendaList items={conversation.agenda} wide={wide} />
    </article>
  );
}
