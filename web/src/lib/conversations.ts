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
/** A conversation without its agenda (what a list item and a full conversation share). */
export type ConversationSummary = Omit<Schemas["ConversationListItem"], "follow_ups">;
export type Conversation = Schemas["ConversationOut"];
export type NewConversation = Schemas["ConversationCreate"];
export type ConversationPlan = Schemas["ConversationPlan"];
export type PlannedConversation = Schemas["PlannedConversationOut"];
export type Template = Schemas["TemplateOut"];

export const getMe = (api: Api) => api.get<Me>("/api/me");

export async function listConversations(api: Api, meetingId?: string): Promise<ConversationSummary[]> {
  const query = meetingId ? `?meeting_id=${encodeURIComponent(meetingId)}` : "";
  return (await api.get<Schemas["ConversationList"]>(`/api/conversations${query}`)).items;
}

export const getConversation = (api: Api, id: number) => api.get<Conversation>(`/api/conversations/${id}`);

export const createConversation = (api: Api, body: NewConversation, idempotencyKey: string) =>
  api.post<Conversation>("/api/conversations", body, idempotencyKey);

/** Plan ahead from the personal tab (not idempotent by key: a retry finds its first try as the
 * open conversation, 409). */
export const planConversation = (api: Api, body: ConversationPlan) =>
  api.post<PlannedConversation>("/api/conversations/plan", body);

export async function listTemplates(api: Api): Promise<Template[]> {
  return (await api.get<Schemas["TemplateList"]>("/api/templates")).items;
}

/** A date ("2027-03-02") and a time of day ("10:00") in the browser's time zone as an ISO timestamp
 * with that zone's offset on that day ("2027-03-02T10:00:00+01:00"); null when they are not valid. */
export function localTimestamp(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const moment = new Date(`${date}T${time}:00`);
  if (Number.isNaN(moment.getTime())) return null;
  const offset = -moment.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
  const minutes = String(Math.abs(offset) % 60).padStart(2, "0");
  return `${date}T${time}:00${sign}${hours}:${minutes}`;
}

/** Save the conversation's calendar file (.ics) under the name the server gives it. */
export async function saveInvite(api: Api, id: number): Promise<void> {
  const { blob, filename } = await api.download(`/api/conversations/${id}/invite.ics`);
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

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
