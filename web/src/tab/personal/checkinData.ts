/** What the check-ins in "My MUS" read and write (the API's shapes from lib/api/schema.ts). */
import type { Api } from "../../lib/api";
import type { components } from "../../lib/api/schema";

type Schemas = components["schemas"];

export type CheckinSummary = Schemas["CheckinSummaryOut"];
export type Checkin = Schemas["CheckinOut"];
export type CheckinGoal = Schemas["CheckinGoalOut"];
export type Part = Schemas["PartOut"];
export type Answers = Schemas["AnswersOut"];
export type Success = Schemas["SuccessOut"];
export type AdjustmentResult = Schemas["AdjustmentResultOut"];

export interface Draft {
  goals: { goal_id: number; percent: number | null; note: string }[];
  blockers: string;
  pulse: { score: number; comment: string; shared: boolean } | null;
  next_steps: string;
}

export const listCheckins = async (api: Api) => (await api.get<Schemas["CheckinList"]>("/api/me/checkins")).items;
export const listSuccesses = async (api: Api) => (await api.get<Schemas["SuccessList"]>("/api/me/successes")).items;
export const getCheckin = (api: Api, id: number) => api.get<Checkin>(`/api/conversations/${id}/checkin`);
export const saveMine = (api: Api, id: number, version: number, draft: Draft) =>
  api.put<Checkin>(`/api/conversations/${id}/checkin/mine`, { version, ...draft });
export const markDone = (api: Api, id: number, version: number) =>
  api.post<Checkin>(`/api/conversations/${id}/checkin/mine/done`, { version });
export const closeCheckin = (api: Api, id: number) => api.post<Checkin>(`/api/conversations/${id}/checkin/close`, undefined);
export const adjustGoal = (api: Api, goalId: number, body: Record<string, unknown>) =>
  api.post<AdjustmentResult>(`/api/goals/${goalId}/adjustments`, body);
export const markSuccess = (api: Api, goalId: number, note: string, checkinId: number) =>
  api.post<Success>(`/api/goals/${goalId}/success`, { note, checkin_id: checkinId });

/** My draft as the form holds it: one row per goal of the check-in, my stored answers filled in. */
export function draftOf(checkin: Checkin): Draft {
  const answers = checkin.mine.answers;
  const stored = new Map((answers?.goals ?? []).map((g) => [g.goal_id, g]));
  return {
    goals: checkin.goals.map((goal) => ({
      goal_id: goal.id,
      percent: stored.get(goal.id)?.percent ?? null,
      note: stored.get(goal.id)?.note ?? "",
    })),
    blockers: answers?.blockers ?? "",
    pulse: answers?.pulse?.score
      ? { score: answers.pulse.score, comment: answers.pulse.comment, shared: answers.pulse.shared }
      : null,
    next_steps: answers?.next_steps ?? "",
  };
}
