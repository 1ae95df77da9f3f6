/** The "agreements and follow-up" item: the follow-up dates, what the agreement will contain, and
 * concluding the meeting (which drafts the agreement for both to review). */
import { useState } from "preact/hooks";

import { ApiError } from "../../../lib/api";
import { formatDate, isoDay } from "../../../lib/format";
import { useTexts } from "../../../lib/i18n";
import type { FollowUp } from "../../../lib/meeting/types";
import { writes } from "../../../lib/meeting/writes";
import { useMeeting } from "../context";
import { Field, InlineError, useAction, useId } from "../ui";

export function AgreementTool() {
  const { t, n, language } = useTexts();
  const [state, store] = useMeeting("followUps", "goals", "actions");
  const [title, setTitle] = useState("");
  const [due, setDue] = useState(isoDay(42));
  const action = useAction();
  const id = useId("followups");
  const followUps = state.data.followUps;
  const goals = (state.data.goals ?? []).filter((goal) => goal.conversation_id === store.id && goal.status !== "dropped");
  const actions = state.data.actions ?? [];

  const add = async (event: Event) => {
    event.preventDefault();
    if (!title.trim() || !due) return;
    const sent = await action.run(() =>
      store.run<FollowUp>(writes.addFollowUp(store.id, title.trim(), due), (created) => ({
        label: "ui.meeting.undo.follow_up_added",
        run: () => store.run(writes.removeFollowUp(store.id, created.id)),
      })),
    );
    if (sent) setTitle("");
  };
  const remove = (followUp: FollowUp) =>
    action.run(() =>
      store.run(writes.removeFollowUp(store.id, followUp.id), () => ({
        label: "ui.meeting.undo.follow_up_removed",
        run: () => store.run(writes.addFollowUp(store.id, followUp.title, followUp.due_on)),
      })),
    );

  return (
    <section class="tool-section" aria-labelledby={`${id}-heading`} data-testid="follow-ups">
      <h4 id={`${id}-heading`} class="sub-title">
        {t("ui.meeting.follow_ups.heading")}
      </h4>
      {followUps && followUps.length > 0 ? (
        <ul class="plain-list">
          {followUps.map((followUp) => (
            <li key={followUp.id} class="follow-up" data-testid="follow-up">
              <span>
                {formatDate(followUp.due_on, language)} · {followUp.title}
              </span>
              <FollowUpEditor followUp={followUp} />
              <button
                type="button"
                class="button button-subtle button-small"
                disabled={action.busy}
                onClick={() => remove(followUp)}
                aria-label={t("ui.meeting.follow_ups.remove", { title: followUp.title })}
              >
                {t("ui.meeting.remove")}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">{t("ui.meeting.follow_ups.none")}</p>
      )}
      <form class="editor" onSubmit={add}>
        <Field label={t("ui.meeting.follow_ups.title")} hint={t("ui.meeting.follow_ups.guide")} value={title} onInput={setTitle} maxLength={300} />
        <Field label={t("ui.meeting.follow_ups.date")} value={due} onInput={setDue} type="date" min={isoDay(0)} />
        <button type="submit" class="button" disabled={action.busy || !title.trim() || !due}>
          {t("ui.meeting.follow_ups.add")}
        </button>
      </form>
      <p class="hint">{t("ui.meeting.follow_ups.contents", {
          goals: n("ui.meeting.follow_ups.goals", goals.length),
          actions: n("ui.meeting.follow_ups.actions", actions.length),
        })}</p>
      <InlineError message={action.error} />
    </section>
  );
}

type Values = { title: string; due_on: string };
type Conflict = { field: keyof Values; theirs: string; mine: string };

/** Editing a follow-up: the values it started from go with the save, so a save made while the
 * other party saved too is merged (the title) or shown as a choice (a date both changed). */
function FollowUpEditor({ followUp }: { followUp: FollowUp }) {
  const { t, language } = useTexts();
  const [, store] = useMeeting();
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState<{ version: number; values: Values } | null>(null);
  const [title, setTitle] = useState(followUp.title);
  const [due, setDue] = useState(followUp.due_on);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const action = useAction();

  const start = () => {
    setFrom({ version: followUp.version, values: { title: followUp.title, due_on: followUp.due_on } });
    setTitle(followUp.title);
    setDue(followUp.due_on);
    setConflicts([]);
    setOpen(true);
  };
  const send = async (version: number, startedFrom: Values, mine: Values) => {
    const changes: Partial<Values> = {};
    if (mine.title !== startedFrom.title) changes.title = mine.title;
    if (mine.due_on !== startedFrom.due_on) changes.due_on = mine.due_on;
    try {
      await store.run<FollowUp>(writes.editFollowUp(store.id, followUp.id, version, startedFrom, changes));
      setOpen(false);
      setConflicts([]);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== "edit_conflict" || !error.current) throw error;
      const current = error.current as FollowUp;
      const found = (Object.keys(changes) as (keyof Values)[])
        .filter((field) => current[field] !== mine[field] && current[field] !== startedFrom[field])
        .map((field) => ({ field, theirs: current[field], mine: mine[field] }));
      setFrom({ version: current.version, values: { title: current.title, due_on: current.due_on } });
      setConflicts(found);
    }
  };
  const save = (event: Event) => {
    event.preventDefault();
    if (!from || !title.trim() || !due) return;
    void action.run(() => send(from.version, from.values, { title: title.trim(), due_on: due }));
  };
  const choose = (conflict: Conflict, value: string) => {
    if (!from) return;
    const mine = { title: title.trim(), due_on: due, [conflict.field]: value };
    if (conflict.field === "title") setTitle(value);
    else setDue(value);
    void action.run(() => send(from.version, from.values, mine));
  };
  const shown = (conflict: Conflict, value: string) =>
    conflict.field === "due_on" ? formatDate(value, language) ?? value : value;

  if (!open) {
    return (
      <button type="button" class="button button-subtle button-small" onClick={start} aria-label={t("ui.meeting.follow_ups.edit", { title: followUp.title })} data-testid="edit-follow-up">
        {t("ui.meeting.edit")}
      </button>
    );
  }
  return (
    <form class="editor" onSubmit={save} data-testid="follow-up-editor">
      <Field label={t("ui.meeting.follow_ups.title")} value={title} onInput={setTitle} maxLength={300} />
      <Field label={t("ui.meeting.follow_ups.date")} value={due} onInput={setDue} type="date" />
      {conflicts.length > 0 && (
        <div class="conflict" role="alert" data-testid="follow-up-conflict">
          <p>{t("ui.meeting.follow_ups.conflict")}</p>
          {conflicts.map((conflict) => (
            <div key={conflict.field} class="button-row" data-field={conflict.field}>
              <button type="button" class="button" disabled={action.busy} onClick={() => choose(conflict, conflict.theirs)}>
                {t("ui.meeting.follow_ups.keep_theirs", { value: shown(conflict, conflict.theirs) })}
              </button>
              <button type="button" class="button" disabled={action.busy} onClick={() => choose(conflict, conflict.mine)}>
                {t("ui.meeting.follow_ups.keep_mine", { value: shown(conflict, conflict.mine) })}
              </button>
            </div>
          ))}
        </div>
      )}
      <div class="button-row">
        <button type="submit" class="button button-primary" disabled={action.busy || !title.trim() || !due}>
          {t("ui.meeting.follow_ups.save")}
        </button>
        <button type="button" class="button" onClick={() => setOpen(false)}>
          {t("ui.meeting.cancel")}
        </button>
      </div>
      <InlineError message={action.error} />
    </form>
  );
}
