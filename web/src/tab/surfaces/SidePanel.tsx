import { ConversationView } from "../components/ConversationView";

/** The meeting side panel: 280 px, one column, the conversation bound to this meeting. */
export function SidePanel() {
  return <ConversationView share />;
}
