/** The pure part of "My MUS": which follow-ups are coming, who is in my team and how each stands. */
import type { Person } from "../../lib/conversations";
import type { AgreementVersion, FollowUp, Overview, Party, Summary, TeamMember } from "./data";

const HELD = new Set(["in_meeting", "reviewing", "agreed"]);

/** A local calendar day as YYYY-MM-DD (the form of follow-up dates and deadlines). */
export function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function roleIn(conversation: Summary, myObjectId: string): Party {
  return sameId(conversation.manager.object_id, myObjectId) ? "manager" : "employee";
}

/** The meeting has taken place (or is taking place). */
export function isHeld(conversation: Summary): boolean {
  return HELD.has(conversation.status);
}

/** When the conversation is (or was): its planned time, else when its meeting ended. */
export function conversationDate(conversation: Summary): string | null {
  return conversation.scheduled_at ?? conversation.meeting_ended_at ?? null;
}

/** Milliseconds since the epoch, NaN for none. */
function time(value: string | null | undefined): number {
  return value ? Date.parse(value) : Number.NaN;
}

export interface DatedFollowUp {
  followUp: FollowUp;
  conversation: Summary;
}

function datedFollowUps(overview: Overview, conversation: Summary): DatedFollowUp[] {
  return (overview.followUps.get(conversation.id) ?? []).map((followUp) => ({ followUp, conversation }));
}

/** When a held conversation took place: when its meeting ended, else its planned time. */
function heldDate(conversation: Summary): string {
  return conversation.meeting_ended_at ?? conversation.scheduled_at ?? conversation.created_at;
}

/** Follow-up dates from today on, soonest first. */
export function upcomingFollowUps(overview: Overview, today: string): DatedFollowUp[] {
  return overview.conversations
    .flatMap((conversation) => datedFollowUps(overview, conversation))
    .filter(({ followUp }) => followUp.due_on >= today)
    .sort((a, b) => a.followUp.due_on.localeCompare(b.followUp.due_on) || a.followUp.id - b.followUp.id);
}

/** The version both approved most recently (versions come newest first), or null. */
export function latestLocked(versions: AgreementVersion[]): AgreementVersion | null {
  return versions.find((version) => version.locked_at !== null) ?? null;
}

export interface TeamRow {
  employee: Person;
  /** The latest MUS that was held, with its date. */
  lastMus: { conversation: Summary; date: string } | null;
  /** The next conversation not held yet (MUS or check-in), soonest first, undated last. */
  next: Summary | null;
}

/** My employees, from the conversations I lead, by name: the team when the directory cannot be
 * asked (the team overview comes from the API, `GET /api/team`). */
export function teamRows(overview: Overview, myObjectId: string, collator: Intl.Collator): TeamRow[] {
  const byEmployee = new Map<string, Summary[]>();
  for (const conversation of overview.conversations) {
    if (roleIn(conversation, myObjectId) !== "manager") continue;
    const key = conversation.employee.object_id.toLowerCase();
    byEmployee.set(key, [...(byEmployee.get(key) ?? []), conversation]);
  }
  const rows = [...byEmployee.values()].map((conversations): TeamRow => {
    const held = conversations.filter(isHeld);
    const lastMus =
      held
        .filter((c) => c.kind === "mus")
        .map((conversation) => ({ conversation, date: heldDate(conversation) }))
        .sort((a, b) => time(b.date) - time(a.date))[0] ?? null;
    const upcoming = conversations
      .filter((c) => !isHeld(c))
      .sort((a, b) => (time(a.scheduled_at) || Infinity) - (time(b.scheduled_at) || Infinity) || a.id - b.id);
    return { employee: conversations[0].employee, lastMus, next: upcoming[0] ?? null };
  });
  return rows.sort((a, b) => collator.compare(a.employee.display_name, b.employee.display_name));
}

/** Overdue (a MUS, a check-in or a follow-up) first, then due, then the rest; by name in the
 * reader's language within each (the API's order, with the names as the reader's language sorts). */
export function byAttention(members: TeamMember[], collator: Intl.Collator): TeamMember[] {
  const rank = (member: TeamMember) => {
    const states = [member.cadence.status.mus.state, member.cadence.status.check_in.state];
    if (member.overdue_follow_ups.count > 0 || states.includes("overdue")) return 0;
    return states.includes("due") ? 1 : 2;
  };
  return [...members].sort(
    (a, b) => rank(a) - rank(b) || collator.compare(a.display_name, b.display_name) || a.object_id.localeCompare(b.object_id),
  );
}
