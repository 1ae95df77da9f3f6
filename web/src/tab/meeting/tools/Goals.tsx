/** The goals tool (the "expectations and goals" item): the employee's goals with this manager,
 * each with its SMART state and progress; a new goal or a change opens the editor in place. */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";

import { formatDate } from "../../../lib/format";
import { useTexts } from "../../../lib/i18n";
import type { Goal } from "../../../lib/meeting/types";
import { Progress } from "../before/Previous";
import { useMeeting } from "../context";
import { DraftCard } from "./coedit";
import { GoalEditor, useGoalLabels } from "./GoalEditor";

export function Goals() {
  const { t } = useTexts();
  const [state] = useMeeting("goals");
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const goals = (state.data.goals ?? []).filter((goal) => goal.status !== "dropped" || goal.conversation_id === state.data.conversation.id);
  const { label, show } = useGoalLabels();
  // Goals the other person is writing now, before they are saved (live drafts).
  const drafts = state.drafts.filter((draft) => draft.record === "goal");
  const newDrafts = drafts.filter((draft) => draft.id === null);
  return (
    <section class="tool-section" aria-labelledby="goals-heading" data-testid="goals">
      <h4 id="goals-heading" class="sub-title">
        {t("ui.meeting.goals.heading")}
      </h4>
      {state.data.goals === undefined ? (
        <p class="hint">{t("ui.common.loading")}</p>
      ) : goals.length === 0 ? (
        newDrafts.length === 0 && <p class="hint">{t("ui.meeting.goals.none")}</p>
      ) : (
        <ul class="cards">
          {goals.map((goal) =>
            editing === goal.id ? (
              <li key={goal.id}>
                <GoalEditor goal={goal} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <GoalCard key={goal.id} goal={goal} onEdit={() => setEditing(goal.id)}>
                {drafts
                  .filter((draft) => draft.id === goal.id)
                  .map((draft) => (
                    <DraftCard key={`${draft.by}:${draft.key}`} draft={draft} label={label} show={show} testId="goal-draft" />
                  ))}
              </GoalCard>
            ),
          )}
        </ul>
      )}
      {newDrafts.map((draft) => (
        <DraftCard key={`${draft.by}:${draft.key}`} draft={draft} label={label} show={show} testId="goal-draft" />
      ))}
      {editing === "new" ? (
        <GoalEditor goal={null} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" class="button" onClick={() => setEditing("new")} data-testid="new-goal">
          {t("ui.meeting.goals.new")}
        </button>
      )}
    </section>
  );
}

function GoalCard({ goal, onEdit, children }: { goal: Goal; onEdit: () => void; children?: ComponentChildren }) {
  const { t, language } = useTexts();
  return (
    <li class="card goal-card" data-testid="goal" data-goal-id={goal.id} data-smart={goal.is_smart ? "yes" : "no"}>
      <p class="card-title">{goal.title}</p>
      <p class="meta">
        <span class="badge">{t(`ui.meeting.goal.status.${goal.status}`)}</span>
        <span class={`smart-badge ${goal.is_smart ? "verdict-ok" : "verdict-weak"}`}>
          {goal.is_smart ? t("ui.meeting.goal.is_smart") : t("ui.meeting.goal.not_smart")}
        </span>
        {goal.deadline && <span>{t("ui.meeting.goal.due", { date: formatDate(goal.deadline, language) ?? "" })}</span>}
      </p>
      {goal.specific && <p>{goal.specific}</p>}
      {goal.measure && (
        <p class="hint">
          {t("ui.meeting.goal.field.measure")}: {goal.measure}
        </p>
      )}
      <Progress percent={goal.progress_percent} />
      {children}
      <button type="button" class="button button-small" onClick={onEdit} aria-label={t("ui.meeting.goal.edit_named", { title: goal.title })}>
        {t("ui.meeting.edit")}
      </button>
    </li>
  );
}
