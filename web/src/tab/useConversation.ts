import {
  type Conversation,
  conversationIdFromEntity,
  conversationIdFromUrl,
  getConversation,
  listConversations,
} from "../lib/conversations";
import type { Api } from "../lib/api";
import type { TeamsContext } from "../lib/teams";
import { type Load, useLoad } from "./hooks";
import { useSession } from "./session";

/** The bound conversation's load, started by startSession beside /api/me (else the side panel waits
 * for who I am, then the meeting's conversations, then the conversation, one after the other); the
 * first ConversationView of that session takes it. */
let early: { api: Api; key: string; promise: Promise<Conversation | null> } | null = null;

function boundKey(fromUrl: number | null, fromEntity: number | null, meetingId: string | undefined): string {
  return JSON.stringify([fromUrl, fromEntity, meetingId ?? null]);
}

async function loadBound(api: Api, fromUrl: number | null, fromEntity: number | null, meetingId: string | undefined) {
  let id = fromUrl ?? fromEntity;
  if (id === null && meetingId) id = (await listConversations(api, meetingId))[0]?.id ?? null;
  return id === null ? null : getConversation(api, id);
}

/** Starts loading the conversation a tab in this Teams context shows (none named: nothing to do). */
export function prefetchBoundConversation(api: Api, context: TeamsContext | null): void {
  const fromUrl = conversationIdFromUrl();
  const fromEntity = conversationIdFromEntity(context?.page.id);
  const meetingId = context?.meeting?.id;
  if (fromUrl === null && fromEntity === null && !meetingId) return;
  const promise = loadBound(api, fromUrl, fromEntity, meetingId);
  promise.catch(() => undefined); // its taker handles a failure; left untaken, it is no error
  early = { api, key: boundKey(fromUrl, fromEntity, meetingId), promise };
}

/** The conversation this tab shows: named in the URL (?conversation=), else in the configured
 * tab's entity id ("mus-<id>"), else the newest one bound to this meeting; null when none. */
export function useBoundConversation(): [Load<Conversation | null>, () => void] {
  const { api, context } = useSession();
  const fromUrl = conversationIdFromUrl();
  const fromEntity = conversationIdFromEntity(context?.page.id);
  const meetingId = context?.meeting?.id;
  return useLoad(() => {
    const started = early;
    early = null;
    if (started && started.api === api && started.key === boundKey(fromUrl, fromEntity, meetingId)) return started.promise;
    return loadBound(api, fromUrl, fromEntity, meetingId);
  }, [api, fromUrl, fromEntity, meetingId]);
}
