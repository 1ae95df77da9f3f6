/** Reading a conversation's resources. Every write goes through the outbox (see writes.ts). */
import type { Api } from "../api";
import type { ConversationSummary } from "../conversations";
import type {
  Agreement,
  ConsentItem,
  ConversationFull,
  DevelopmentAction,
  FeedbackEntry,
  FollowUp,
  Goal,
  Party,
  Position,
  PreparationItem,
  Presence,
  Prompt,
  Pulse,
  SmartCheck,
  SmartFields,
} from "./types";

const base = (id: number) => `/api/conversations/${id}`;
const items = async <T>(promise: Promise<{ items: T[] }>) => (await promise).items;

/** The shared notes of an item as a Yjs document (base64); with `stateVector`, only what it lacks. */
export interface NotesState {
  item_id: number;
  state: string;
  state_vector: string;
  text: string;
  version: number;
  seq: number;
}

export const reads = {
  notes: (api: Api, id: number, itemId: number, stateVector?: string) =>
    api.get<NotesState>(
      `${base(id)}/agenda/${itemId}/notes${stateVector ? `?state_vector=${encodeURIComponent(stateVector)}` : ""}`,
    ),
  conversation: (api: Api, id: number) => api.get<ConversationFull>(base(id)),
  conversations: (api: Api) => items(api.get<{ items: ConversationSummary[] }>("/api/conversations")),
  preparation: (api: Api, id: number) => items(api.get<{ items: PreparationItem[] }>(`${base(id)}/preparation`)),
  prompts: (api: Api, role: Party) =>
    items(api.get<{ role: Party; items: Prompt[] }>(`/api/preparation/prompts?role=${role}`)),
  goals: (api: Api, id: number) => items(api.get<{ items: Goal[] }>(`${base(id)}/goals`)),
  actions: (api: Api, id: number) => items(api.get<{ items: DevelopmentAction[] }>(`${base(id)}/actions`)),
  feedback: (api: Api, id: number) => items(api.get<{ items: FeedbackEntry[] }>(`${base(id)}/feedback`)),
  pulses: (api: Api, id: number) => items(api.get<{ items: Pulse[] }>(`${base(id)}/wellbeing`)),
  consent: (api: Api, id: number) => items(api.get<{ items: ConsentItem[] }>(`${base(id)}/consent`)),
  followUps: (api: Api, id: number) => items(api.get<{ items: FollowUp[] }>(`${base(id)}/follow-ups`)),
  agreement: (api: Api, id: number) => api.get<Agreement>(`${base(id)}/agreement`),
  position: (api: Api, id: number) => api.get<Position>(`${base(id)}/position`),
  presence: (api: Api, id: number) => items(api.get<{ items: Presence[] }>(`${base(id)}/presence`)),
  /** The SMART check of a goal being written; nothing is stored (a POST that reads). */
  smartCheck: (api: Api, fields: Partial<SmartFields>) => api.post<SmartCheck>("/api/goals/check", fields),
};
