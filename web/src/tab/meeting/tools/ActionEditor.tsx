/** A development action, inline: the kind, what it is, the goal it serves, who owns it, the
 * resources and support, the due date and the status. */
import { useState } from "preact/hooks";

import { useTexts } from "../../../lib/i18n";
import {
  ACTION_KINDS,
  ACTION_STATUSES,
  type ActionFields,
  type ActionKind,
  type ActionStatus,
  type DevelopmentAction,
  type Party,
} from "../../../lib/meeting/types";
import { writes } from "../../../lib/meeting/writes";
import { useMeeting } from "../context";
import { Field, InlineError, useAction, useId } from "../ui";

function fieldsOf(action: DevelopmentAction | null, goalId: number | null, owner: Party): ActionFields {
  return {
    kind: action?.kind ?? "course",
    title: action?.title ?? "",
    goal_id: action ? action.goal_id : goalId,
    owner: action?.owner.role ?? owner,
    resources: action?.resources ?? "",
    due_date: action?.due_date ?? "",
    status: action?.status ?? "planned",
  };
}

const bodyOf = (form: ActionFields): ActionFields => ({ ...form, title: form.title.trim(), due_date: form.due_date || null });

export function ActionEditor({
  action,
  goalId = null,
  onDone,
}: {
  action: DevelopmentAction | null;
  goalId?: number | null;
  onDone: () => void;
}) {
  const { t } = useTexts();
  const [state, store] = useMeeting("goals");
  const [form, setForm] = useState<ActionFields>(() => fieldsOf(action, goalId, "employee"));
  const run = useAction();
  const id = useId("action");
  const set = <K extends keyof ActionFields>(key: K) => (value: ActionFields[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));
  const { employee, manager } = state.data.conversation;
  const goals = (state.data.goals ?? []).filter((goal) => goal.status !== "dropped");

  const save = async () => {
    const body = bodyOf(form);
    const sent = await run.run(() =>
      action
        ? store.run<DevelopmentAction>(writes.changeAction(action.id, body, action.version), (changed) => ({
            label: "ui.meeting.undo.action_changed",
            run: () => store.run(writes.changeAction(action.id, bodyOf(fieldsOf(action, null, "employee")), changed.version)),
          }))
        : store.run<DevelopmentAction>(writes.addAction(store.id, body), (created) => ({
            label: "ui.meeting.undo.action_added",
            run: () => store.run(writes.removeAction(created.id)),
          })),
    );
    if (sent) onDone();
  };

  return (
    <div class="editor action-editor" role="group" aria-labelledby={`${id}-heading`} data-testid="action-editor">
      <h5 id={`${id}-heading`} class="sub-title">
        {action ? t("ui.meeting.action.edit_heading") : t("ui.meeting.action.new_heading")}
      </h5>
      <div class="field">
        <label for={`${id}-kind`}>{t("ui.meeting.action.field.kind")}</label>
        <select id={`${id}-kind`} name="kind" class="input" value={form.kind} aria-describedby={`${id}-kind-hint`} onChange={(event) => set("kind")(event.currentTarget.value as ActionKind)}>
          {ACTION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`ui.meeting.action.kind.${kind}`)}
            </option>
          ))}
        </select>
        <p id={`${id}-kind-hint`} class="hint">
          {t(`ui.meeting.action.kind_hint.${form.kind}`)}
        </p>
      </div>
      <Field label={t("ui.meeting.action.field.title")} value={form.title} onInput={set("title")} name="title" required maxLength={300} />
      <div class="field">
        <label for={`${id}-goal`}>{t("ui.meeting.action.field.goal")}</label>
        <select
          id={`${id}-goal`}
          name="goal"
          class="input"
          value={form.goal_id === null ? "" : String(form.goal_id)}
          onChange={(event) => set("goal_id")(event.currentTarget.value ? Number(event.currentTarget.value) : null)}
        >
          <option value="">{t("ui.meeting.action.no_goal")}</option>
          {goals.map((goal) => (
            <option key={goal.id} value={String(goal.id)}>
              {goal.title}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="field-group">
        <legend>{t("ui.meeting.action.field.owner")}</legend>
        {(["employee", "manager"] as Party[]).map((party) => (
          <label key={party} class="choice">
            <input type="radio" name={`${id}-owner`} value={party} checked={form.owner === party} onChange={() => set("owner")(party)} />
            <span>{party === "employee" ? employee.display_name : manager.display_name}</span>
          </label>
        ))}
      </fieldset>
      <Field
        label={t("ui.meeting.action.field.resources")}
        hint={t("ui.meeting.action.guide.resources")}
        value={form.resources}
        onInput={set("resources")}
        name="resources"
        multiline
        rows={2}
      />
      <Field label={t("ui.meeting.action.field.due")} value={form.due_date ?? ""} onInput={set("due_date")} type="date" name="due_date" />
      <div class="field">
        <label for={`${id}-status`}>{t("ui.meeting.action.field.status")}</label>
        <select id={`${id}-status`} name="status" class="input" value={form.status} onChange={(event) => set("status")(event.currentTarget.value as ActionStatus)}>
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`ui.meeting.action.status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="button-row">
        <button type="button" class="button button-primary" disabled={run.busy || !form.title.trim()} onClick={save}>
          {action ? t("ui.meeting.save_button") : t("ui.meeting.action.create")}
        </button>
        <button type="button" class="button" onClick={onDone}>
          {t("ui.meeting.cancel")}
        </button>
      </div>
      <InlineError message={run.error} />
    </div>
  );
}
