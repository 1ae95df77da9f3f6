/** The API resources the tab shows, named from the types generated from the OpenAPI document
 * (api/schema.ts, `make api-types`). */
import type { Api } from "./api";
import type { components } from "./api/schema";

type Schemas = components["schemas"];

export type Kind = Schemas["ConversationKind"];
export type Status = Schemas["Status"];
export type Me = Schemas["Me"];
export type Person = Schemas["PersonOut"];
/** A person named in a request (the object id is enough). */
export type PersonRef = Schemas["PersonRef"];
export type AgendaItem = Schemas["AgendaItemOut"];
export type ConversationSummary = Schemas["ConversationSummary"];
export type Conversation = Schemas["ConversationOut"];
export type NewConversation = Schemas["ConversationCreate"];

export const getMe = (api: Api) => api.get<Me>("/api/me");

export async function listConversations(api: Api, meetingId?: string): Promise<ConversationSummary[]> {
  const query = meetingId ? `?meeting_id=${encodeURIComponent(meetingId)}` : "";
  return (await api.get<Schemas["ConversationList"]>(`/api/conversations${query}`)).items;
}

export const getConversation = (api: Api, id: number) => api.get<Conversation>(`/api/conversations/${id}`);

export const createConversation = (api: Api, body: NewConversation, idempotencyKey: string) =>
  api.post<Conversation>("/api/conversations", body, idempotencyKey);

/** The conversation a tab URL names: /tab/content?conversation=<id>. */
export function conversationIdFromUrl(search = window.location.search): number | null {
  const value = new URLSearchParams(search).get("conversation");
  return value && /^\d+$/.test(value) ? Number(value) : null;
}

/** The conversation a configured tab names in its entity id: "mus-<id>". */
export function conversationIdFromEntity(entityId: string | null | undefined): number | null {
  const match = /^mus-(\d+)$/.exec(entityId ?? "");
  return match ? Number(match[1]) : null;
}

export function tabUrl(surface: "content" | "stage", id: number, origin = window.location.origin): string {
  return `${origin}/tab/${surface}?conversation=${id}`;
}
