/** The conversation's lifecycle as the tab shows it (the rules are the server's: plugin/domain/lifecycle.py). */
import type { Status } from "../../lib/conversations";

export const STEPS: Status[] = ["planned", "preparing", "in_meeting", "reviewing", "agreed"];

/** The moves a participant may ask for; "agreed" follows from both approvals only. */
export const REQUESTABLE: Record<Status, Status[]> = {
  planned: ["preparing", "in_meeting"],
  preparing: ["in_meeting"],
  in_meeting: ["reviewing"],
  reviewing: ["in_meeting"],
  agreed: [],
};

export type Phase = "before" | "during" | "after";

export function phaseOf(status: Status): Phase {
  if (status === "planned" || status === "preparing") return "before";
  if (status === "in_meeting") return "during";
  return "after";
}

export function canRequest(source: Status, target: Status): boolean {
  return REQUESTABLE[source].includes(target);
}

/** The agenda is done when the meeting has reached its last item: each item before it has been
 * covered (the meeting moves on item by item, for both). Then "Conclude" is one button away. */
export function agendaDone(agenda: readonly { id: number; position: number }[], sharedId: number | null): boolean {
  if (!agenda.length || sharedId === null) return false;
  const last = agenda.reduce((a, b) => (b.position > a.position ? b : a));
  return sharedId === last.id;
}
