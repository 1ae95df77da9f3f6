/** The SMART goal editor, inline: the five fields with short guidance, each checked as it is
 * written, the deadline with the browser's date picker, the status, and the development actions
 * that serve the goal. */
import { useState } from "preact/hooks";

import { isoDay } from "../../../lib/format";
import { useTexts } from "../../../lib/i18n";
import { type Goal, GOAL_STATUSES, type GoalStatus, type SmartFields } from "../../../lib/meeting/types";
import { type GoalChanges, writes } from "../../../lib/meeting/writes";
import { useMeeting } from "../context";
import { Field, InlineError, useAction, useId } from "../ui";
import { ActionEditor } from "./ActionEditor";
import { changedFields, type Conflict, ConflictChoice, DraftCard, editConflict, mergedWithOthers, pick, SaveNote, useDraft, useShow } from "./coedit";
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

/** A value as the form holds it (a cleared deadline is an empty field). */
const formValue = (value: unknown): string => String(value ?? "");

/** A field's name for the person (the goal editor's labels). */
export function useGoalLabels() {
  const { t } = useTexts();
  const label = (field: string) => t(`ui.meeting.goal.field.${field}`);
  const show = useShow({ status: (value) => t(`ui.meeting.goal.status.${value}`) });
  return { label, show };
}

export function GoalEditor({ goal, onDone }: { goal: Goal | null; onDone: () => void }) {
  const { t } = useTexts();
  const [state, store] = useMeeting("actions");
  const [form, setForm] = useState<Form>(() => formOf(goal));
  // Where this editor started: the values and their version (the base of a three-way merge).
  const [start, setStart] = useState<Form>(() => formOf(goal));
  const [version, setVersion] = useState(goal?.version ?? 0);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [note, setNote] = useState<"merged" | "conflict" | null>(null);
  const [addingAction, setAddingAction] = useState(false);
  const action = useAction();
  const id = useId("goal");
  const check = useSmartCheck(store.api, form);
  const { label, show } = useGoalLabels();
  const { employee, manager } = state.data.conversation;
  const other = (state.role === "manager" ? employee : manager).display_name;
  const set = <K extends keyof Form>(key: K) => (value: Form[K]) => setForm((previous) => ({ ...previous, [key]: value }));
  const typed = changedFields(bodyOf(form), bodyOf(start));
  useDraft(store, "goal", goal?.id ?? null, typed);
  const drafts = state.drafts.filter((draft) => draft.record === "goal" && goal !== null && draft.id === goal.id);

  const send = async (now: Form, started: Form, basedOn: number) => {
    if (!goal) {
      const body = bodyOf(now);
      const sent = await action.run(() =>
        store.run<Goal>(writes.addGoal(store.id, body), (created) => ({
          label: "ui.meeting.undo.goal_added",
          run: () => store.run(writes.removeGoal(created.id)),
        })),
      );
      if (sent) onDone();
      return;
    }
    const mine = bodyOf(now);
    const changes = changedFields(mine, bodyOf(started)) as GoalChanges;
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    const base = pick(bodyOf(started), changes) as GoalChanges;
    let refused: { current: Goal; conflicts: Conflict[] } | null = null;
    const sent = await action.run(async () => {
      try {
        return await store.run<Goal>(writes.changeGoal(goal.id, changes, basedOn, base), (saved) => ({
          label: "ui.meeting.undo.goal_changed",
          run: () => store.run(writes.changeGoal(goal.id, base, saved.version, pick(bodyOf(formOf(saved)), base) as GoalChanges)),
        }));
      } catch (error) {
        refused = editConflict<Goal>(error);
        if (!refused) throw error;
        return undefined;
      }
    });
    const conflict = refused as { current: Goal; conflicts: Conflict[] } | null;
    if (conflict) {
      // Nothing was saved. Keep what was typed; ask per field; the chosen values are then sent
      // based on the current ones, the rest still on where this editor started (merged again).
      const current = formOf(conflict.current);
      setVersion(conflict.current.version);
      setStart({ ...started, ...Object.fromEntries(conflict.conflicts.map((c) => [c.field, current[c.field as keyof Form]])) });
      setConflicts(conflict.conflicts);
      setNote("conflict");
      return;
    }
    if (!sent) return;
    if (sent.queued) {
      onDone();
      return;
    }
    if (mergedWithOthers(bodyOf(formOf(sent.value)) as Record<string, unknown>, mine as Record<string, unknown>)) {
      // Saved together with the other person's changes: show the result, based on it from now on.
      const merged = formOf(sent.value);
      setForm(merged);
      setStart(merged);
      setVersion(sent.value.version);
      setNote("merged");
      return;
    }
    onDone();
  };

  const save = (event: Event) => {
    event.preventDefault();
    setNote(null);
    void send(form, start, version);
  };

  const choose = (field: string, choice: "theirs" | "mine") => {
    const conflict = conflicts.find((entry) => entry.field === field);
    if (!conflict) return;
    const value = formValue(choice === "theirs" ? conflict.theirs : conflict.mine);
    const now = { ...form, [field]: value } as Form;
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
      {choice(key)}
    </Field>
  );

  return (
    <form class="editor goal-editor" onSubmit={save} aria-labelledby={`${id}-heading`} data-testid="goal-editor" noValidate>
      <h5 id={`${id}-heading`} class="sub-title">
        {goal ? t("ui.meeting.goal.edit_heading") : t("ui.meeting.goal.new_heading")}
      </h5>
      {drafts.map((draft) => (
        <DraftCard key={`${draft.by}:${draft.key}`} draft={draft} label={label} show={show} testId="goal-draft" />
      ))}
      <Field label={t("ui.meeting.goal.field.title")} hint={t("ui.meeting.goal.guide.title")} value={form.title} onInput={set("title")} name="title" required maxLength={300}>
        {choice("title")}
      </Field>
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
        {choice("deadline")}
      </Field>
      <div class="field">
        <label for={`${id}-status`}>{t("ui.meeting.goal.field.status")}</label>
        <select id={`${id}-status`} name="status" class="input" value={form.status} onChange={(event) => set("status")(event.currentTarget.value as GoalStatus)}>
          {GOAL_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`ui.meeting.goal.status.${status}`)}
            </option>
          ))}
        </select>
        {choice("status")}
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
      <SaveNote note={note} other={other} />
      <div class="button-row">
        <button type="submit" class="button button-primary" disabled={action.busy || !form.title.trim() || conflicts.length > 0}>
          {goal ? t("ui.meeting.save_button") : t("ui.meeting.goal.create")}
        </button>
        <button type="button" class="button" onClick={onDone}>
          {note === "merged" ? t("ui.meeting.coedit.close") : t("ui.meeting.cancel")}
        </button>
      </div>
      <InlineError message={action.error} />
    </form>
  );
}
