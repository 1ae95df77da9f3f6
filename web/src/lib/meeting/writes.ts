/** Every change the tab makes, described as data: the outbox sends it now or, when the network is
 * down, keeps it (localStorage) and sends it when the connection is back. Creates carry an
 * Idempotency-Key so that a retry never creates twice. */
import type { components } from "../api/schema";
import type { Status } from "../conversations";
import type {
  ActionFields,
  ConsentKind,
  Decision,
  FeedbackKind,
  GoalStatus,
  Part,
  SmartFields,
} from "./types";

export interface Write {
  method: "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  body?: unknown;
  create?: boolean;
  /** A newer queued write with the same key replaces an older one (e.g. the position). */
  coalesce?: string;
  /** For writes whose older queued versions hold something the newer one lacks (the notes' Yjs
   * updates): the body to queue instead, from the older bodies and the newer one. Not stored: it is
   * used when the write is queued, in the page that made it. */
  merge?: (older: unknown[], newer: unknown) => unknown;
  /** The parts of the conversation to reload once it has gone through. */
  touches: Part[];
  /** The field on the page this write saves (the meeting store's `fields`): a refusal, or a wait for
   * the connection, is shown next to it, and what was typed there is kept. Stored with the queue. */
  field?: string;
  /** Answered with the whole conversation (a status change): the tab shows the answer at once, not
   * only after the reload, so that what it offers next carries the version the server now has. */
  answersWithConversation?: boolean;
}

/** A request body as the API's schema names it (checked with `satisfies`; sent unchanged). */
type Body<Name extends keyof components["schemas"]> = components["schemas"][Name];

const base = (id: number) => `/api/conversations/${id}`;

/** The outbox key of one item's notes updates. */
export const noteKey = (id: number, itemId: number) => `notes:${id}:${itemId}`;

export type GoalChanges = Partial<SmartFields> & { title?: string; status?: GoalStatus };

export const writes = {
  transition: (id: number, status: Status, version: number): Write => ({
    method: "POST",
    path: `${base(id)}/transition`,
    body: { status, version } satisfies Body<"TransitionIn">,
    touches: ["conversation", "agreement"],
    answersWithConversation: true,
  }),
  /** A Yjs update of an item's shared notes (base64). Queued updates of one note are merged into
   * one (`coalesce` with the `merge` the notes add): applying an update twice changes nothing. */
  noteUpdate: (id: number, itemId: number, update: string): Write => ({
    method: "POST",
    path: `${base(id)}/agenda/${itemId}/notes/updates`,
    body: { update } satisfies Body<"NoteUpdateIn">,
    create: true,
    coalesce: noteKey(id, itemId),
    touches: [],
  }),
  addTalkingPoint: (id: number, itemId: number, text: string): Write => ({
    method: "POST",
    path: `${base(id)}/agenda/${itemId}/talking-points`,
    body: { text } satisfies Body<"TalkingPointCreate">,
    create: true,
    touches: ["conversation"],
  }),
  removeTalkingPoint: (id: number, itemId: number, pointId: number): Write => ({
    method: "DELETE",
    path: `${base(id)}/agenda/${itemId}/talking-points/${pointId}`,
    touches: ["conversation", "preparation"],
  }),
  addPreparation: (id: number, promptKey: string | null, text: string): Write => ({
    method: "POST",
    path: `${base(id)}/preparation`,
    body: { prompt_key: promptKey, text } satisfies Body<"PreparationCreate">,
    create: true,
    touches: ["preparation"],
  }),
  changePreparation: (id: number, itemId: number, text: string, version: number): Write => ({
    method: "PATCH",
    path: `${base(id)}/preparation/${itemId}`,
    body: { text, version } satisfies Body<"PreparationPatch">,
    touches: ["preparation"],
  }),
  removePreparation: (id: number, itemId: number): Write => ({
    method: "DELETE",
    path: `${base(id)}/preparation/${itemId}`,
    touches: ["preparation"],
  }),
  promote: (id: number, itemId: number, agendaItemId: number): Write => ({
    method: "POST",
    path: `${base(id)}/preparation/${itemId}/promote`,
    body: { agenda_item_id: agendaItemId } satisfies Body<"PromoteIn">,
    create: true,
    touches: ["preparation", "conversation"],
  }),
  consent: (id: number, kind: ConsentKind, value: boolean): Write => ({
    method: "PUT",
    path: `${base(id)}/consent`,
    body: { kind, value } satisfies Body<"ConsentIn">,
    coalesce: `consent:${id}:${kind}`,
    touches: ["consent"],
  }),
  position: (id: number, agendaItemId: number | null): Write => ({
    method: "PUT",
    path: `${base(id)}/position`,
    body: { agenda_item_id: agendaItemId } satisfies Body<"PositionIn">,
    coalesce: `position:${id}`,
    touches: [],
  }),
  addGoal: (id: number, goal: SmartFields & { title: string; status: GoalStatus }): Write => ({
    method: "POST",
    path: `${base(id)}/goals`,
    body: goal satisfies Body<"GoalCreate">,
    create: true,
    touches: ["goals"],
  }),
  /** Only the changed fields, the version the editor started from and `base` (those fields' values
   * then): the server merges with what was saved since, or answers 409 edit_conflict. */
  changeGoal: (goalId: number, changes: GoalChanges, version: number, base?: GoalChanges): Write => ({
    method: "PATCH",
    path: `/api/goals/${goalId}`,
    body: { ...changes, version, ...(base ? { base } : {}) } satisfies Body<"GoalPatch">,
    touches: ["goals"],
  }),
  removeGoal: (goalId: number): Write => ({ method: "DELETE", path: `/api/goals/${goalId}`, touches: ["goals", "actions"] }),
  addProgress: (goalId: number, percent: number, note: string, conversationId: number): Write => ({
    method: "POST",
    path: `/api/goals/${goalId}/progress`,
    body: { percent, note, conversation_id: conversationId } satisfies Body<"ProgressCreate">,
    create: true,
    touches: ["goals"],
  }),
  addAction: (id: number, action: ActionFields): Write => ({
    method: "POST",
    path: `${base(id)}/actions`,
    body: action satisfies Body<"ActionCreate">,
    create: true,
    touches: ["actions"],
  }),
  changeAction: (actionId: number, changes: Partial<ActionFields>, version: number, base?: Partial<ActionFields>): Write => ({
    method: "PATCH",
    path: `/api/actions/${actionId}`,
    body: { ...changes, version, ...(base ? { base } : {}) } satisfies Body<"ActionPatch">,
    touches: ["actions"],
  }),
  removeAction: (actionId: number): Write => ({ method: "DELETE", path: `/api/actions/${actionId}`, touches: ["actions"] }),
  addFeedback: (id: number, kind: FeedbackKind, text: string): Write => ({
    method: "POST",
    path: `${base(id)}/feedback`,
    body: { kind, text } satisfies Body<"FeedbackCreate">,
    create: true,
    touches: ["feedback"],
  }),
  removeFeedback: (id: number, feedbackId: number): Write => ({
    method: "DELETE",
    path: `${base(id)}/feedback/${feedbackId}`,
    touches: ["feedback"],
  }),
  addPulse: (id: number, score: number, shared: boolean, comment: string): Write => ({
    method: "POST",
    path: `${base(id)}/wellbeing`,
    body: { score, shared, comment } satisfies Body<"PulseCreate">,
    create: true,
    touches: ["pulses"],
  }),
  addFollowUp: (id: number, title: string, dueOn: string): Write => ({
    method: "POST",
    path: `${base(id)}/follow-ups`,
    body: { title, due_on: dueOn } satisfies Body<"FollowUpCreate">,
    create: true,
    touches: ["followUps"],
  }),
  /** A follow-up's title or date, with the version and the values the change started from: a stale
   * write is merged (the title) or refused with 409 `edit_conflict` (a date both changed). */
  editFollowUp: (
    id: number,
    followUpId: number,
    version: number,
    startedFrom: { title: string; due_on: string },
    changes: { title?: string; due_on?: string },
  ): Write => ({
    method: "PATCH",
    path: `${base(id)}/follow-ups/${followUpId}`,
    body: { version, base: startedFrom, ...changes } satisfies Body<"FollowUpEdit">,
    touches: ["followUps", "agreement"],
  }),
  removeFollowUp: (id: number, followUpId: number): Write => ({
    method: "DELETE",
    path: `${base(id)}/follow-ups/${followUpId}`,
    touches: ["followUps"],
  }),
  draftAgreement: (id: number): Write => ({
    method: "POST",
    path: `${base(id)}/agreement`,
    create: true,
    touches: ["agreement", "conversation"],
  }),
  decide: (id: number, number: number, decision: Decision, comment: string, disagreement: boolean): Write => ({
    method: "POST",
    path: `${base(id)}/agreement/${number}/decision`,
    body: { decision, comment: comment || null, disagreement } satisfies Body<"DecisionIn">,
    touches: ["agreement", "conversation"],
  }),
  /** An agenda item's summary in the agreement: the version and text it started from go along, so
   * that a write based on an older version is merged with what was saved since. */
  editSummary: (id: number, itemId: number, version: number, startedFrom: string, text: string): Write => ({
    method: "PUT",
    path: `${base(id)}/agreement/summaries/${itemId}`,
    body: { version, base: startedFrom, text } satisfies Body<"SummaryEdit">,
    touches: ["agreement", "conversation"],
  }),
};
