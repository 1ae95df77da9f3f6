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
import { changedFields, type Conflict, ConflictChoice, DraftCard, editConflict, mergedWithOthers, pick, SaveNote, useDraft, useShow } from "./coedit";

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

/** A value as the form holds it (a cleared due date is an empty field). */
function formValue(field: string, value: unknown): unknown {
  if (field === "due_date") return String(value ?? "");
  if (field === "goal_id") return value ?? null;
  return value ?? "";
}

/** How the action's fields are named and shown to the person. */
export function useActionLabels() {
  const { t } = useTexts();
  const [state] = useMeeting();
  const { employee, manager } = state.data.conversation;
  const names: Record<string, string> = { goal_id: "goal", due_date: "due" };
  const label = (field: string) => t(`ui.meeting.action.field.${names[field] ?? field}`);
  const show = useShow({
    kind: (value) => t(`ui.meeting.action.kind.${value}`),
    status: (value) => t(`ui.meeting.action.status.${value}`),
    owner: (value) => (value === "manager" ? manager.display_name : employee.display_name),
    goal_id: (value) => state.data.goals?.find((goal) => String(goal.id) === value)?.title ?? value,
  });
  return { label, show };
}

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
  // Where this editor started: the values and their version (the base of a three-way merge).
  const [start, setStart] = useState<ActionFields>(() => fieldsOf(action, goalId, "employee"));
  const [version, setVersion] = useState(action?.version ?? 0);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [note, setNote] = useState<"merged" | "conflict" | null>(null);
  const run = useAction();
  const id = useId("action");
  const set = <K extends keyof ActionFields>(key: K) => (value: ActionFields[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));
  const { employee, manager } = state.data.conversation;
  const other = (state.role === "manager" ? employee : manager).display_name;
  const goals = (state.data.goals ?? []).filter((goal) => goal.status !== "dropped");
  const { label, show } = useActionLabels();
  // A new action's draft shows what is typed (its starting values are the defaults).
  const typed = changedFields(bodyOf(form), bodyOf(start));
  useDraft(store, "action", action?.id ?? null, action ? typed : Object.keys(typed).length ? { ...typed, kind: form.kind } : {});
  const drafts = state.drafts.filter((draft) => draft.record === "action" && action !== null && draft.id === action.id);

  const send = async (now: ActionFields, started: ActionFields, basedOn: number) => {
    if (!action) {
      const body = bodyOf(now);
      const sent = await run.run(() =>
        store.run<DevelopmentAction>(writes.addAction(store.id, body), (created) => ({
          label: "ui.meeting.undo.action_added",
          run: () => store.run(writes.removeAction(created.id)),
        })),
      );
      if (sent) onDone();
      return;
    }
    const mine = bodyOf(now);
    const changes = changedFields(mine, bodyOf(started));
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    const base = pick(bodyOf(started), changes);
    let refused: { current: DevelopmentAction; conflicts: Conflict[] } | null = null;
    const sent = await run.run(async () => {
      try {
        return await store.run<DevelopmentAction>(writes.changeAction(action.id, changes, basedOn, base), (saved) => ({
          label: "ui.meeting.undo.action_changed",
          run: () => store.run(writes.changeAction(action.id, base, saved.version, pick(bodyOf(fieldsOf(saved, null, "employee")), base))),
        }));
      } catch (error) {
        refused = editConflict<DevelopmentAction>(error);
        if (!refused) throw error;
        return undefined;
      }
    });
    const conflict = refused as { current: DevelopmentAction; conflicts: Conflict[] } | null;
    if (conflict) {
      const current = fieldsOf(conflict.current, null, "employee");
      setVersion(conflict.current.version);
      setStart({ ...started, ...Object.fromEntries(conflict.conflicts.map((c) => [c.field, current[c.field as keyof ActionFields]])) });
      setConflicts(conflict.conflicts);
      setNote("conflict");
      return;
    }
    if (!sent) return;
    if (sent.queued) {
      onDone();
      return;
    }
    if (mergedWithOthers(bodyOf(fieldsOf(sent.value, null, "employee")), mine)) {
      const merged = fieldsOf(sent.value, null, "employee");
      setForm(merged);
      setStart(merged);
      setVersion(sent.value.version);
      setNote("merged");
      return;
    }
    onDone();
  };

  const save = () => {
    setNote(null);
    void send(form, start, version);
  };

  const choose = (field: string, choice: "theirs" | "mine") => {
    const conflict = conflicts.find((entry) => entry.field === field);
    if (!conflict) return;
    const now = { ...form, [field]: formValue(field, choice === "theirs" ? conflict.theirs : conflict.mine) } as ActionFields;
    setForm(now);
    const left = conflicts.filter((entry) => entry.field !== field);
    setConflicts(left);
    if (left.length === 0) {
      setNote(null);
      void send(now, start, version);
    }
  };
  const choice = (field: string) => (
    <ConflictChoice conflict={conflicts.find((entry) => entry.field === field)} other={other} show={show} onChoose={choose} />
  );

  return (
    <div class="editor action-editor" role="group" aria-labelledby={`${id}-heading`} data-testid="action-editor">
      <h5 id={`${id}-heading`} class="sub-title">
        {action ? t("ui.meeting.action.edit_heading") : t("ui.meeting.action.new_heading")}
      </h5>
      {drafts.map((draft) => (
        <DraftCard key={`${draft.by}:${draft.key}`} draft={draft} label={label} show={show} testId="action-draft" />
      ))}
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
        {choice("kind")}
      </div>
      <Field label={t("ui.meeting.action.field.title")} value={form.title} onInput={set("title")} name="title" required maxLength={300}>
        {choice("title")}
      </Field>
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
        {choice("goal_id")}
      </div>
      <fieldset class="field-group">
        <legend>{t("ui.meeting.action.field.owner")}</legend>
        {(["employee", "manager"] as Party[]).map((party) => (
          <label key={party} class="choice">
            <input type="radio" name={`${id}-owner`} value={party} checked={form.owner === party} onChange={() => set("owner")(party)} />
            <span>{party === "employee" ? employee.display_name : manager.display_name}</span>
          </label>
        ))}
        {choice("owner")}
      </fieldset>
      <Field
        label={t("ui.meeting.action.field.resources")}
        hint={t("ui.meeting.action.guide.resources")}
        value={form.resources}
        onInput={set("resources")}
        name="resources"
        multiline
        rows={2}
      >
        {choice("resources")}
      </Field>
      <Field label={t("ui.meeting.action.field.due")} value={form.due_date ?? ""} onInput={set("due_date")} type="date" name="due_date">
        {choice("due_date")}
      </Field>
      <div class="field">
        <label for={`${id}-status`}>{t("ui.meeting.action.field.status")}</label>
        <select id={`${id}-status`} name="status" class="input" value={form.status} onChange={(event) => set("status")(event.currentTarget.value as ActionStatus)}>
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`ui.meeting.action.status.${status}`)}
            </option>
          ))}
        </select>
        {choice("status")}
      </div>
      <SaveNote note={note} other={other} />
      <div class="button-row">
        <button type="button" class="button button-primary" disabled={run.busy || !form.title.trim() || conflicts.length > 0} onClick={save}>
          {action ? t("ui.meeting.save_button") : t("ui.meeting.action.create")}
        </button>
        <button type="button" class="button" onClick={onDone}>
          {note === "merged" ? t("ui.meeting.coedit.close") : t("ui.meeting.cancel")}
        </button>
      </div>
      <InlineError message={run.error} />
    </div>
  );
}
