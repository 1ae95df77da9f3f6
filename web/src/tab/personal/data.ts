/** What "My MUS" reads from the API (a subset of /api/openapi.json) and how it loads it. */
import type { Api } from "../../lib/api";
import type { ConversationSummary, Person } from "../../lib/conversations";

export type Party = "employee" | "manager";

/** A conversation as the list returns it. */
export interface Summary extends ConversationSummary {
  meeting_ended_at?: string | null;
}

export interface FollowUp {
  id: number;
  title: string;
  /** A date, YYYY-MM-DD. */
  due_on: string;
  created_at: string;
}

export interface Decision {
  party: Party;
  person: Person;
  decision: "approved" | "changes_requested";
  comment: string;
  disagreement: boolean;
  decided_at: string;
}

export interface SnapshotAgendaItem {
  section_key: string;
  title: Record<string, string>;
  notes: string;
  talking_points: string[];
}

export interface SnapshotAction {
  kind: string;
  title: string;
  owner_role: Party | null;
  resources: string;
  due_date: string | null;
  status: string;
  goal_id: number | null;
}

export interface AgreementVersion {
  number: number;
  state: "draft" | "changes_requested" | "agreed" | "superseded";
  snapshot: {
    agenda: SnapshotAgendaItem[];
    development_actions: SnapshotAction[];
    follow_ups: { title: string; due_on: string }[];
  };
  created_by: Person;
  created_at: string;
  locked_at: string | null;
  decisions: Decision[];
}

export interface Agreement {
  conversation_status: string;
  /** All versions, newest first. */
  items: AgreementVersion[];
}

export type GoalStatus = "draft" | "active" | "achieved" | "dropped";

export interface Goal {
  id: number;
  conversation_id: number;
  title: string;
  deadline: string | null;
  status: GoalStatus;
  /** The latest progress in percent, null before the first. */
  progress_percent: number | null;
}

export const getAgreement = (api: Api, conversationId: number) =>
  api.get<Agreement>(`/api/conversations/${conversationId}/agreement`);

export async function listGoals(api: Api, conversationId: number): Promise<Goal[]> {
  return (await api.get<{ items: Goal[] }>(`/api/conversations/${conversationId}/goals`)).items;
}

export async function listFollowUps(api: Api, conversationId: number): Promise<FollowUp[]> {
  return (await api.get<{ items: FollowUp[] }>(`/api/conversations/${conversationId}/follow-ups`)).items;
}

/** `work` over `items`, at most `limit` at a time; the results in the items' order. */
export async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface Overview {
  /** Newest first (the API's order). */
  conversations: Summary[];
  followUps: Map<number, FollowUp[]>;
}

const PARALLEL_REQUESTS = 4;

/** My conversations as employee and as manager, newest first. */
export async function listMine(api: Api): Promise<Summary[]> {
  return (await api.get<{ items: Summary[] }>("/api/conversations")).items;
}

/** The follow-up dates of each conversation. */
export async function loadFollowUps(api: Api, conversations: Summary[]): Promise<Map<number, FollowUp[]>> {
  const lists = await mapLimited(conversations, PARALLEL_REQUESTS, (c) => listFollowUps(api, c.id));
  return new Map(conversations.map((c, i) => [c.id, lists[i]]));
}

/** The agreement and the goals set in an agreed conversation. */
export async function loadAgreed(api: Api, conversationId: number): Promise<{ agreement: Agreement; goals: Goal[] }> {
  const [agreement, goals] = await Promise.all([getAgreement(api, conversationId), listGoals(api, conversationId)]);
  // The list holds every goal between the two; this conversation shows the ones set in it.
  return { agreement, goals: goals.filter((goal) => goal.conversation_id === conversationId) };
}
