/** The SMART goal editor, inline: the five fields with short guidance, each checked as it is
 * written, the deadline with the browser's date picker, the status, and the development actions
 * that serve the goal. */
import { useState } from "preact/hooks";

import { isoDay } from "../../../lib/format";
import { useTexts } from "../../../lib/i18n";
import { type Goal, GOAL_STATUSES, type GoalStatus, type SmartFields } from "../../../lib/meeting/types";
import { writes } from "../../../lib/meeting/writes";
import { useMeeting } from "../context";
import { Field, InlineError, useAction, useId } from "../ui";
import { ActionEditor } from "./ActionEditor";
import { ActionLine } from "./Development";
import { useSmartCheck } from "./smart";
import { SmartSummary, Verdict } from "./SmartCheckView";

type Form = SmartFields & { title: string; status: GoalStatus };

function formOf(goal: Goal | null): Form {
  return {
    title: goal?.title ?? "",
    specific: goal?.specific ?? "",
    measure: goal?.measure ?? "",
    achievable: goal?.achievable ?? "",
    relevance: goal?.relevance ?? "",
    deadline: goal?.deadline ?? "",
    status: goal?.status ?? "active",
  };
}

function bodyOf(form: Form): Form {
  return { ...form, title: form.title.trim(), deadline: form.deadline || null };
}

export function GoalEditor({ goal, onDone }: { goal: Goal | null; onDone: () => void }) {
  const { t } = useTexts();
  const [state, store] = useMeeting("actions");
  const [form, setForm] = useState<Form>(() => formOf(goal));
  const [addingAction, setAddingAction] = useState(false);
  const action = useAction();
  const id = useId("goal");
  const check = useSmartCheck(store.api, form);
  const set = <K extends keyof Form>(key: K) => (value: Form[K]) => setForm((previous) => ({ ...previous, [key]: value }));

  const save = async (event: Event) => {
    event.preventDefault();
    const body = bodyOf(form);
    const sent = await action.run(() =>
      goal
        ? store.run<Goal>(writes.changeGoal(goal.id, body, goal.version), (changed) => ({
            label: "ui.meeting.undo.goal_changed",
            run: () => store.run(writes.changeGoal(goal.id, bodyOf(formOf(goal)), changed.version)),
          }))
        : store.run<Goal>(writes.addGoal(store.id, body), (created) => ({
            label: "ui.meeting.undo.goal_added",
            run: () => store.run(writes.removeGoal(created.id)),
          })),
    );
    if (sent) onDone();
  };

  const linked = goal ? (state.data.actions ?? []).filter((entry) => entry.goal_id === goal.id) : [];
  const field = (key: "specific" | "measure" | "achievable" | "relevance", criterion: "specific" | "measurable" | "achievable" | "relevant") => (
    <Field
      label={t(`ui.meeting.goal.field.${key}`)}
      hint={t(`ui.meeting.goal.guide.${key}`)}
      value={form[key]}
      onInput={set(key)}
      multiline
      rows={2}
      name={key}
      describedBy={`${id}-${criterion}`}
    >
      <Verdict check={check.check} criterion={criterion} id={`${id}-${criterion}`} />
    </Field>
  );

  return (
    <form class="editor goal-editor" onSubmit={save} aria-labelledby={`${id}-heading`} data-testid="goal-editor" noValidate>
      <h5 id={`${id}-heading`} class="sub-title">
        {goal ? t("ui.meeting.goal.edit_heading") : t("ui.meeting.goal.new_heading")}
      </h5>
      <Field label={t("ui.meeting.goal.field.title")} hint={t("ui.meeting.goal.guide.title")} value={form.title} onInput={set("title")} name="title" required maxLength={300} />
      {field("specific", "specific")}
      {field("measure", "measurable")}
      {field("achievable", "achievable")}
      {field("relevance", "relevant")}
      <Field
        label={t("ui.meeting.goal.field.deadline")}
        hint={t("ui.meeting.goal.guide.deadline")}
        value={form.deadline ?? ""}
        onInput={set("deadline")}
        type="date"
        name="deadline"
        min={isoDay(1)}
        describedBy={`${id}-time_bound`}
      >
        <Verdict check={check.check} criterion="time_bound" id={`${id}-time_bound`} />
      </Field>
      <div class="field">
        <label for={`${id}-status`}>{t("ui.meeting.goal.field.status")}</label>
        <select id={`${id}-status`} class="input" value={form.status} onChange={(event) => set("status")(event.currentTarget.value as GoalStatus)}>
          {GOAL_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`ui.meeting.goal.status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <SmartSummary state={check} />
      {goal && (
        <div class="linked" data-testid="goal-actions">
          <p class="sub-title">{t("ui.meeting.goal.actions")}</p>
          {linked.length ? (
            <ul class="plain-list">
              {linked.map((entry) => (
                <ActionLine key={entry.id} action={entry} />
              ))}
            </ul>
          ) : (
            <p class="hint">{t("ui.meeting.goal.no_actions")}</p>
          )}
          {addingAction ? (
            <ActionEditor action={null} goalId={goal.id} onDone={() => setAddingAction(false)} />
          ) : (
            <button type="button" class="button button-small" onClick={() => setAddingAction(true)}>
              {t("ui.meeting.goal.add_action")}
            </button>
          )}
        </div>
      )}
      <div class="button-row">
        <button type="submit" class="button button-primary" disabled={action.busy || !form.title.trim()}>
          {goal ? t("ui.meeting.save_button") : t("ui.meeting.goal.create")}
        </button>
        <button type="button" class="button" onClick={onDone}>
          {t("ui.meeting.cancel")}
        </button>
      </div>
      <InlineError message={action.error} />
    </form>
  );
}
