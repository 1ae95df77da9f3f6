/** The API resources the tab shows (a subset of the OpenAPI document at /api/openapi.json). */
import type { Api } from "./api";

export type Kind = "mus" | "checkin";
export type Status = "planned" | "preparing" | "in_meeting" | "reviewing" | "agreed";

export interface Me {
  object_id: string;
  tenant_id: string;
  display_name: string;
  locale: string;
  is_admin: boolean;
}

export interface Person {
  object_id: string;
  display_name: string;
  email: string;
}

export interface PersonRef {
  object_id: string;
  display_name?: string;
  email?: string;
}

export interface AgendaItem {
  id: number;
  position: number;
  section_key: string;
  title: Record<string, string>;
}

export interface ConversationSummary {
  id: number;
  kind: Kind;
  status: Status;
  title: string;
  employee: Person;
  manager: Person;
  scheduled_at: string | null;
  meeting: { meeting_id: string | null; chat_id: string | null; join_url: string | null };
  created_at: string;
  version: number;
}

export interface Conversation extends ConversationSummary {
  agenda: AgendaItem[];
}

export interface NewConversation {
  kind: Kind;
  title?: string;
  employee?: PersonRef;
  manager?: PersonRef;
  meeting?: { meeting_id?: string; chat_id?: string };
}

export const getMe = (api: Api) => api.get<Me>("/api/me");

export async function listConversations(api: Api, meetingId?: string): Promise<ConversationSummary[]> {
  const query = meetingId ? `?meeting_id=${encodeURIComponent(meetingId)}` : "";
  return (await api.get<{ items: ConversationSummary[] }>(`/api/conversations${query}`)).items;
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
