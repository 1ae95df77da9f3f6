/** The API resources of a conversation during and around the meeting. The API's shapes are named
 * here from the types generated from the OpenAPI document (../api/schema.ts, `make api-types`);
 * only what exists in the tab alone is written by hand. */
import type { components } from "../api/schema";

type Schemas = components["schemas"];

export type Party = Schemas["Party"];
export type Tool = Schemas["Tool"];

export type TalkingPoint = Schemas["TalkingPointOut"];
export type AgendaItemFull = Schemas["AgendaItemOut"];
export type Prompt = Schemas["PromptOut"];
export type PreparationItem = Schemas["PreparationOut"];

export type Verdict = Schemas["Verdict"];
export type Finding = Schemas["FindingOut"];
export type Criterion = Finding["criterion"];
export const CRITERIA: Criterion[] = ["specific", "measurable", "achievable", "relevant", "time_bound"];
export type SmartCheck = Schemas["SmartCheckOut"];

export type GoalStatus = Schemas["GoalStatus"];
export const GOAL_STATUSES: GoalStatus[] = ["draft", "active", "achieved", "dropped"];
/** A goal as the list returns it (the goal alone, GoalOut, adds its progress entries). */
export type Goal = Schemas["GoalSummary"];
/** The SMART fields of a goal, as the goal editor holds them. */
export type SmartFields = Pick<Goal, "specific" | "measure" | "achievable" | "relevance" | "deadline">;

export type ActionKind = Schemas["ActionKind"];
export const ACTION_KINDS: ActionKind[] = [
  "course",
  "workshop",
  "on_the_job_training",
  "mentoring",
  "cross_training",
  "job_rotation",
  "other",
];
export type ActionStatus = Schemas["ActionStatus"];
export const ACTION_STATUSES: ActionStatus[] = ["planned", "in_progress", "done", "cancelled"];
export type DevelopmentAction = Schemas["ActionOut"];
/** A development action's fields, all filled in (the action editor's form; a new action's body). */
export type ActionFields = Required<Schemas["ActionCreate"]>;

export type FeedbackKind = Schemas["FeedbackKind"];
export type FeedbackEntry = Schemas["FeedbackOut"];
export type Pulse = Schemas["PulseOut"];

export type ConsentKind = Schemas["ConsentKind"];
export const CONSENT_KINDS: ConsentKind[] = ["confidentiality", "keep_shared_notes", "recording"];
export type ConsentAnswer = Schemas["ConsentAnswerOut"];
export type ConsentItem = Schemas["ConsentItemOut"];

export type FollowUp = Schemas["FollowUpOut"];

export type Decision = Schemas["Decision"];
export type VersionState = Schemas["VersionState"];
export type DecisionOut = Schemas["DecisionOut"];
export type Snapshot = Schemas["SnapshotOut"];
export type AgreementVersion = Schemas["AgreementVersionOut"];
export type Agreement = Schemas["AgreementOut"];
export type Summary = Schemas["SummaryOut"];

/** The agenda item both parties follow, and who put it there: as the API returns it, or as the tab
 * moved it before the server answered (then without `seq`). */
export type Position = Omit<Schemas["PositionOut"], "seq"> & { seq?: number };
/** Someone else in the conversation: the fields both the presence list (PresenceEntry) and the live
 * `presence.changed` event carry (the event has no `seen_at`). */
export type Presence = Pick<Schemas["PresenceEntry"], "object_id" | "display_name" | "agenda_item_id" | "following">;

export type ConversationFull = Schemas["ConversationOut"];

/** The separately loaded parts of a conversation, refreshed when a change touches them. */
export type Part =
  | "conversation"
  | "preparation"
  | "goals"
  | "actions"
  | "feedback"
  | "pulses"
  | "consent"
  | "followUps"
  | "agreement"
  | "position";
