/** What "My MUS" reads from the API and how it loads it. The API's shapes are named from the types
 * generated from the OpenAPI document (lib/api/schema.ts, `make api-types`). */
import type { Api } from "../../lib/api";
import type { components } from "../../lib/api/schema";
import { allPages, pagePath } from "../../lib/pages";

type Schemas = components["schemas"];

export type Party = Schemas["Party"];
/** A conversation without its agenda. */
export type Summary = Omit<Schemas["ConversationListItem"], "follow_ups">;
/** A conversation as the list returns it: with its follow-up dates. */
export type Listed = Schemas["ConversationListItem"];
export type FollowUp = Schemas["FollowUpOut"];
export type Decision = Schemas["DecisionOut"];
export type SnapshotAgendaItem = Schemas["SnapshotAgendaItem"];
export type SnapshotAction = Schemas["SnapshotAction"];
export type AgreementVersion = Schemas["AgreementVersionOut"];
/** All versions (items), newest first. */
export type Agreement = Schemas["AgreementOut"];
export type GoalStatus = Schemas["GoalStatus"];
/** A goal as the list returns it. */
export type Goal = Schemas["GoalSummary"];

export const getAgreement = (api: Api, conversationId: number) =>
  api.get<Agreement>(`/api/conversations/${conversationId}/agreement`);

/** The goals set in this conversation (every page: an agreement shows them all). */
export const listGoalsSetIn = (api: Api, conversationId: number): Promise<Goal[]> =>
  allPages((path) => api.get<Schemas["GoalList"]>(path), `/api/conversations/${conversationId}/goals?set_here=true`);

export interface Overview {
  /** Newest first (the API's order). */
  conversations: Summary[];
  followUps: Map<number, FollowUp[]>;
}

/** A page of my conversations as employee and as manager, newest first; the next page from its
 * `next_cursor`. */
export type SummaryPage = Schemas["ConversationList"];

export const listMine = (api: Api, cursor: string | null = null): Promise<SummaryPage> =>
  api.get<SummaryPage>(pagePath("/api/conversations", cursor, MY_MUS_PAGE));

/** Conversations per page of "My MUS" (each with its follow-up dates). */
export const MY_MUS_PAGE = 50;

export type SentReminder = Schemas["SentReminderOut"];

/** The last reminder the app sent me per conversation, by conversation id. */
export async function listSentReminders(api: Api): Promise<Map<number, SentReminder>> {
  const items = (await api.get<Schemas["SentReminderList"]>("/api/me/reminders")).items;
  return new Map(items.map((reminder) => [reminder.conversation_id, reminder]));
}

/** The follow-up dates of each conversation (the list carries them: no request per conversation). */
export const followUpsOf = (conversations: Listed[]): Map<number, FollowUp[]> =>
  new Map(conversations.map((c) => [c.id, c.follow_ups]));

/** The agreement and the goals set in an agreed conversation. */
export async function loadAgreed(api: Api, conversationId: number): Promise<{ agreement: Agreement; goals: Goal[] }> {
  const [agreement, goals] = await Promise.all([getAgreement(api, conversationId), listGoalsSetIn(api, conversationId)]);
  return { agreement, goals };
}

/** HR's coverage figures (admins only); a figure about fewer than `min_group_size` people is null. */
export type CoverageFigures = Schemas["CoverageOut"];

export const getCoverage = (api: Api) => api.get<CoverageFigures>("/api/coverage");

/** My direct reports in the directory, what needs attention first. */
export type Team = Schemas["TeamOut"];
export type TeamMember = Schemas["TeamMemberOut"];
export type Cadence = Schemas["CadenceOut"];
export type Due = Schemas["DueOut"];
export type Pulse = Schemas["PulsePointOut"];
export type CadenceChange = Schemas["CadenceIn"];

/** The intervals a manager may choose (the API refuses others). */
export const MUS_MONTHS = [6, 9, 12, 18, 24] as const;
export const CHECK_IN_WEEKS = [2, 4, 6, 8, 12] as const;

export const getTeam = (api: Api) => api.get<Team>("/api/team");

export const putCadence = (api: Api, objectId: string, change: CadenceChange) =>
  api.put<Cadence>(`/api/team/${encodeURIComponent(objectId)}/cadence`, change);
