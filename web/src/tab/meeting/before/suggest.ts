/** Which agenda item a preparation question belongs to by default (the person can pick another). */
import type { AgendaItemFull } from "../../../lib/meeting/types";

const SECTION_FOR_PROMPT: Record<string, string> = {
  "employee.past_period": "work_situation",
  "employee.goals_needs": "expectations_goals",
  "employee.examples": "work_situation",
  "employee.questions": "feedback",
  "manager.contributions": "work_situation",
  "manager.ambitions": "expectations_goals",
  "manager.feedback": "feedback",
  "manager.development": "development",
  // A check-in's questions each have an item of their own.
  "checkin.employee.progress": "goal_progress",
  "checkin.employee.blockers": "blockers",
  "checkin.employee.wellbeing": "wellbeing",
  "checkin.employee.next_steps": "next_steps",
  "checkin.manager.progress": "goal_progress",
  "checkin.manager.blockers": "blockers",
  "checkin.manager.wellbeing": "wellbeing",
  "checkin.manager.next_steps": "next_steps",
};

export function suggestedItem(agenda: AgendaItemFull[], promptKey: string | null): AgendaItemFull | null {
  const sorted = [...agenda].sort((a, b) => a.position - b.position);
  const section = promptKey ? SECTION_FOR_PROMPT[promptKey] : undefined;
  return sorted.find((item) => item.section_key === section) ?? sorted[0] ?? null;
}
