import { conversationIdFromEntity, conversationIdFromUrl } from "../../lib/conversations";
import { ConversationView } from "../components/ConversationView";
import { useSession } from "../session";
import { Personal } from "./Personal";

/** The meeting chat / details tab (and a conversation opened from "My MUS"). Without a
 * conversation or a meeting to find one by, it lists my conversations instead. */
export function Content() {
  const { context } = useSession();
  const named = conversationIdFromUrl() ?? conversationIdFromEntity(context?.page.id);
  if (named === null && !context?.meeting?.id) return <Personal />;
  return <ConversationView wide />;
}
