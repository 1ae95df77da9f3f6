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
