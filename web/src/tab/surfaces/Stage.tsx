import { ConversationView } from "../components/ConversationView";

/** The meeting stage: the same conversation, wide, for both participants to look at together. */
export function Stage() {
  return <ConversationView wide />;
}
