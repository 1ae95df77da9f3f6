import { useTexts } from "../../lib/i18n";
import type { ConversationFull } from "../../lib/meeting/types";
import { MeetingView } from "../meeting/MeetingView";
import { describeError } from "../errors";
import { useSession } from "../session";
import { useBoundConversation } from "../useConversation";
import { Empty, ErrorNotice, Loading } from "./Notice";

/** One conversation: narrow (side panel) or wide (stage, tab), before, during and after the meeting. */
export function ConversationView({
  wide = false,
  share = false,
  stage = false,
}: {
  wide?: boolean;
  share?: boolean;
  stage?: boolean;
}) {
  const texts = useTexts();
  const { t } = texts;
  const { context } = useSession();
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
  return <MeetingView conversation={conversation as unknown as ConversationFull} wide={wide} share={share} stage={stage} />;
}
