/** A conversation, before, during and after the meeting, for both parties. The side panel shows it
 * narrow (one column, one agenda item open at a time); the stage and the tab wide. */
import { useEffect, useMemo } from "preact/hooks";

import { useTexts } from "../../lib/i18n";
import type { ConversationFull } from "../../lib/meeting/types";
import { ConversationHeader } from "../components/ConversationHeader";
import { ShareToStage } from "../components/ShareToStage";
import { useSession } from "../session";
import { Agreement } from "./after/Agreement";
import { AgendaPreview } from "./before/AgendaPreview";
import { Preparation } from "./before/Preparation";
import { Previous } from "./before/Previous";
import { MeetingContext, useMeeting } from "./context";
import { Agenda } from "./during/Agenda";
import { Opening } from "./during/Opening";
import { Lifecycle } from "./Lifecycle";
import { phaseOf } from "./phases";
import { StatusBar } from "./StatusBar";
import { MeetingStore } from "./store";
import { Disclosure } from "./ui";

export function MeetingView({
  conversation,
  wide = false,
  share = false,
}: {
  conversation: ConversationFull;
  wide?: boolean;
  share?: boolean;
}) {
  const { api, me } = useSession();
  const store = useMemo(() => new MeetingStore(api, conversation, me.object_id), [api, conversation.id, me.object_id]);
  useEffect(() => {
    store.connect();
    return () => store.dispose();
  }, [store]);
  return (
    <MeetingContext.Provider value={store}>
      <Meeting wide={wide} share={share} />
    </MeetingContext.Provider>
  );
}

function Meeting({ wide, share }: { wide: boolean; share: boolean }) {
  const { t } = useTexts();
  const [state] = useMeeting();
  const conversation = state.data.conversation;
  const phase = phaseOf(conversation.status);
  return (
    <article
      class={wide ? "conversation conversation-wide" : "conversation"}
      aria-labelledby="conversation-title"
      data-conversation-id={conversation.id}
      data-status={conversation.status}
      data-phase={phase}
      data-role={state.role}
    >
      <ConversationHeader conversation={conversation} myObjectId={state.myObjectId} headingId="conversation-title" />
      {share && <ShareToStage conversationId={conversation.id} />}
      <StatusBar />
      <Lifecycle />
      {phase === "before" && (
        <div class={wide ? "columns" : "stack"}>
          <div class="stack">
            <AgendaPreview wide={false} />
            <Previous />
          </div>
          <Preparation />
        </div>
      )}
      {phase === "during" && (
        <>
          <Opening />
          <Agenda wide={wide} />
          <Disclosure summary={t("ui.meeting.prep.during")} class="private-disclosure" testId="preparation-during">
            <Preparation />
          </Disclosure>
        </>
      )}
      {phase === "after" && (
        <>
          <Agreement />
          <Disclosure summary={t("ui.meeting.after.content")} testId="content-after">
            <Agenda wide={wide} />
          </Disclosure>
        </>
      )}
    </article>
  );
}
