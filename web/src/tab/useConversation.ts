import {
  type Conversation,
  conversationIdFromEntity,
  conversationIdFromUrl,
  getConversation,
  listConversations,
} from "../lib/conversations";
import { type Load, useLoad } from "./hooks";
import { useSession } from "./session";

/** The conversation this tab shows: named in the URL (?conversation=), else in the configured
 * tab's entity id ("mus-<id>"), else the newest one bound to this meeting; null when none. */
export function useBoundConversation(): [Load<Conversation | null>, () => void] {
  const { api, context } = useSession();
  const fromUrl = conversationIdFromUrl();
  const fromEntity = conversationIdFromEntity(context?.page.id);
  const meetingId = context?.meeting?.id;
  return useLoad(async () => {
    let id = fromUrl ?? fromEntity;
    if (id === null && meetingId) id = (await listConversations(api, meetingId))[0]?.id ?? null;
    return id === null ? null : getConversation(api, id);
  }, [api, fromUrl, fromEntity, meetingId]);
}
