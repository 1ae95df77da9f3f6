import { ConversationView } from "../components/ConversationView";

/** The meeting stage: the conversation, wide, for everyone in the meeting to look at together; the
 * shared, viewer-neutral view (no text meant for one viewer). */
export function Stage() {
  return <ConversationView wide stage />;
}
