/** Reading a conversation's resources. Every write goes through the outbox (see writes.ts). */
import type { Api } from "../api";
import type { components } from "../api/schema";
import { allPages } from "../pages";
import type { Agreement, ConversationFull, Party, Position, SmartCheck } from "./types";

type Schemas = components["schemas"];

const base = (id: number) => `/api/conversations/${id}`;
const items = async <T>(promise: Promise<{ items: T[] }>) => (await promise).items;

/** The shared notes of an item as a Yjs document (base64); with `stateVector`, only what it lacks. */
export type NotesState = Schemas["NotesOut"];

export const reads = {
  notes: (api: Api, id: number, itemId: number, stateVector?: string) =>
    api.get<NotesState>(
      `${base(id)}/agenda/${itemId}/notes${stateVector ? `?state_vector=${encodeURIComponent(stateVector)}` : ""}`,
    ),
  conversation: (api: Api, id: number) => api.get<ConversationFull>(base(id)),
  /** My agreed conversations (all pages: the earlier agreement of a pair is among them). */
  agreedConversations: (api: Api) =>
    allPages((path) => api.get<Schemas["ConversationList"]>(path), "/api/conversations?status=agreed"),
  preparation: (api: Api, id: number) => items(api.get<Schemas["PreparationList"]>(`${base(id)}/preparation`)),
  prompts: (api: Api, role: Party, kind: Schemas["PromptQuery"]["kind"] = "mus") =>
    items(api.get<Schemas["PromptList"]>(`/api/preparation/prompts?role=${role}&kind=${kind}`)),
  /** The pair's goals, every page (a pair's goals are few: the side panel follows them all up). */
  goals: (api: Api, id: number) => allPages((path) => api.get<Schemas["GoalList"]>(path), `${base(id)}/goals`),
  actions: (api: Api, id: number) => items(api.get<Schemas["ActionList"]>(`${base(id)}/actions`)),
  feedback: (api: Api, id: number) => items(api.get<Schemas["FeedbackList"]>(`${base(id)}/feedback`)),
  pulses: (api: Api, id: number) => items(api.get<Schemas["PulseList"]>(`${base(id)}/wellbeing`)),
  consent: (api: Api, id: number) => items(api.get<Schemas["ConsentOut"]>(`${base(id)}/consent`)),
  followUps: (api: Api, id: number) => items(api.get<Schemas["FollowUpList"]>(`${base(id)}/follow-ups`)),
  agreement: (api: Api, id: number) => api.get<Agreement>(`${base(id)}/agreement`),
  /** The summary of each agenda item, part of the agreement (created with the first draft). */
  summaries: (api: Api, id: number) => api.get<Schemas["SummaryList"]>(`${base(id)}/agreement/summaries`),
  position: (api: Api, id: number) => api.get<Position>(`${base(id)}/position`),
  presence: (api: Api, id: number) => items(api.get<Schemas["PresenceList"]>(`${base(id)}/presence`)),
  /** The SMART check of a goal being written; nothing is stored (a POST that reads). */
  smartCheck: (api: Api, fields: Schemas["SmartFields"]) => api.post<SmartCheck>("/api/goals/check", fields),
};
