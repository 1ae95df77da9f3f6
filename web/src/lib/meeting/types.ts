/** The API resources of a conversation during and around the meeting (a subset of the OpenAPI
 * document at /api/openapi.json: the fields the tab uses). */
import type { Person, Status } from "../conversations";

export type Party = "employee" | "manager";
export type Tool = "goals" | "development" | "feedback" | "wellbeing" | "goal_progress" | "agreement";

export interface TalkingPoint {
  id: number;
  author: Person;
  text: string;
  from_preparation: boolean;
  created_at: string;
}

export interface AgendaItemFull {
  id: number;
  position: number;
  section_key: string;
  title: Record<string, string>;
  tools: Tool[];
  notes: string;
  notes_removed: boolean;
  version: number;
  updated_at: string;
  talking_points: TalkingPoint[];
}

export interface Prompt {
  key: string;
  text: string;
}

export interface PreparationItem {
  id: number;
  prompt_key: string | null;
  text: string;
  promoted_item_id: number | null;
  promoted: boolean;
  created_at: string;
  updated_at: string;
  version: number;
}

export type Verdict = "ok" | "weak" | "missing";
export type Criterion = "specific" | "measurable" | "achievable" | "relevant" | "time_bound";
export const CRITERIA: Criterion[] = ["specific", "measurable", "achievable", "relevant", "time_bound"];

export interface Finding {
  criterion: Criterion;
  verdict: Verdict;
  reason_code: string;
  reason: string;
}

export interface SmartCheck {
  findings: Finding[];
  is_smart: boolean;
}

export type GoalStatus = "draft" | "active" | "achieved" | "dropped";
export const GOAL_STATUSES: GoalStatus[] = ["draft", "active", "achieved", "dropped"];

export interface SmartFields {
  specific: string;
  measure: string;
  achievable: string;
  relevance: string;
  deadline: string | null;
}

export interface Goal extends SmartFields {
  id: number;
  conversation_id: number;
  title: string;
  status: GoalStatus;
  progress_percent: number | null;
  findings: Finding[];
  is_smart: boolean;
  created_at: string;
  updated_at: string;
  version: number;
}

export type ActionKind =
  | "course"
  | "workshop"
  | "on_the_job_training"
  | "mentoring"
  | "cross_training"
  | "job_rotation"
  | "other";
export const ACTION_KINDS: ActionKind[] = [
  "course",
  "workshop",
  "on_the_job_training",
  "mentoring",
  "cross_training",
  "job_rotation",
  "other",
];
export type ActionStatus = "planned" | "in_progress" | "done" | "cancelled";
export const ACTION_STATUSES: ActionStatus[] = ["planned", "in_progress", "done", "cancelled"];

export interface DevelopmentAction {
  id: number;
  conversation_id: number;
  goal_id: number | null;
  kind: ActionKind;
  title: string;
  owner: Person & { role: Party };
  resources: string;
  due_date: string | null;
  status: ActionStatus;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ActionFields {
  kind: ActionKind;
  title: string;
  goal_id: number | null;
  owner: Party;
  resources: string;
  due_date: string | null;
  status: ActionStatus;
}

export type FeedbackKind = "recognition" | "improvement";

export interface FeedbackEntry {
  id: number;
  author: Person;
  direction: "to_employee" | "to_manager";
  kind: FeedbackKind;
  text: string;
  created_at: string;
}

export interface Pulse {
  id: number;
  author: Person;
  score: number;
  shared: boolean;
  comment: string;
  created_at: string;
}

export type ConsentKind = "confidentiality" | "keep_shared_notes" | "recording";
export const CONSENT_KINDS: ConsentKind[] = ["confidentiality", "keep_shared_notes", "recording"];

export interface ConsentAnswer {
  value: boolean;
  recorded_at: string;
}

export interface ConsentItem {
  kind: ConsentKind;
  employee: ConsentAnswer | null;
  manager: ConsentAnswer | null;
  both_agreed: boolean;
}

export interface FollowUp {
  id: number;
  title: string;
  due_on: string;
  created_at: string;
}

export type Decision = "approved" | "changes_requested";
export type VersionState = "draft" | "changes_requested" | "agreed" | "superseded";

export interface DecisionOut {
  party: Party;
  person: Person;
  decision: Decision;
  comment: string;
  disagreement: boolean;
  decided_at: string;
}

export interface Snapshot {
  agenda: { section_key: string; title: Record<string, string>; notes: string; talking_points: string[] }[];
  goals: {
    id: number;
    title: string;
    specific: string;
    measure: string;
    achievable: string;
    relevance: string;
    deadline: string | null;
    status: string;
  }[];
  development_actions: {
    kind: string;
    title: string;
    owner_role: Party | null;
    resources: string;
    due_date: string | null;
    status: string;
    goal_id: number | null;
  }[];
  follow_ups: { title: string; due_on: string }[];
}

export interface AgreementVersion {
  number: number;
  state: VersionState;
  snapshot: Snapshot;
  created_by: Person;
  created_at: string;
  locked_at: string | null;
  decisions: DecisionOut[];
}

export interface Agreement {
  conversation_status: Status;
  items: AgreementVersion[];
}

/** The agenda item both parties follow, and who put it there. */
export interface Position {
  agenda_item_id: number | null;
  by: Person | null;
  at: string | null;
  seq?: number;
}

export interface Presence {
  object_id: string;
  display_name: string;
  agenda_item_id: number | null;
  following: boolean;
}

export interface ConversationFull {
  id: number;
  kind: "mus" | "checkin";
  status: Status;
  title: string;
  template_key: string;
  employee: Person;
  manager: Person;
  scheduled_at: string | null;
  meeting: { meeting_id: string | null; chat_id: string | null; join_url: string | null };
  meeting_ended_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  agenda: AgendaItemFull[];
}

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
