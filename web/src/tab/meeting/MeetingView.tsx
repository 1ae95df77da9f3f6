/** A conversation, before, during and after the meeting, for both parties. The side panel shows it
 * narrow (one column, one agenda item open at a time): a one-line header, then the agenda, so the
 * item the meeting is on is in the first screen. The tab shows it wide; the stage shows the shared,
 * viewer-neutral view (StageView). */
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
import { Lifecycle, useConclude } from "./Lifecycle";
import { MoreActions, useMoreActions } from "./MoreActions";
import { phaseOf } from "./phases";
import { StageView } from "./StageView";
import { StatusBar } from "./StatusBar";
import { MeetingStore } from "./store";
import { Disclosure } from "./ui";

export function MeetingView({
  conversation,
  wide = false,
  share = false,
  stage = false,
}: {
  conversation: ConversationFull;
  wide?: boolean;
  share?: boolean;
  /** The meeting stage: seen by everyone in the meeting, so only what both may see. */
  stage?: boolean;
}) {
  const { api, me } = useSession();
  const store = useMemo(() => new MeetingStore(api, conversation, me.object_id), [api, conversation.id, me.object_id]);
  useEffect(() => {
    store.connect();
    return () => store.dispose();
  }, [store]);
  return (
    <MeetingContext.Provider value={store}>
      {stage ? <StageView /> : <Meeting wide={wide} share={share} />}
    </MeetingContext.Provider>
  );
}

function Meeting({ wide, share }: { wide: boolean; share: boolean }) {
  const { t } = useTexts();
  const [state] = useMeeting();
  const conversation = state.data.conversation;
  const phase = phaseOf(conversation.status);
  const conclusion = useConclude();
  const menu = useMoreActions(conclusion);
  const actions =
    share || menu.length ? (
      <>
        {share && <ShareToStage conversationId={conversation.id} />}
        <MoreActions entries={menu} />
      </>
    ) : undefined;
  const opening = <Opening />;
  return (
    <article
      class={wide ? "conversation conversation-wide" : "conversation"}
      aria-labelledby="conversation-title"
      data-conversation-id={conversation.id}
      data-status={conversation.status}
      data-phase={phase}
      data-role={state.role}
    >
      <ConversationHeader
        conversation={conversation}
        myObjectId={state.myObjectId}
        headingId="conversation-title"
        actions={actions}
        extra={<p class="hint">{t(`ui.meeting.lifecycle.explain.${conversation.status}`)}</p>}
      />
      <StatusBar />
      <Lifecycle conclusion={conclusion} />
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
          {/* Narrow, the agenda comes first (the opening follows the list until the agenda starts). */}
          {wide && opening}
          <Agenda wide={wide} />
          {!wide && opening}
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
