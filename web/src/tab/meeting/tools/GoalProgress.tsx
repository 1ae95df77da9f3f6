/** Progress on the goals (check-ins): per goal, how far it has come and a short note; the check-ins
 * so far, each value with its note. */
import { useState } from "preact/hooks";

import { useTexts } from "../../../lib/i18n";
import type { Goal } from "../../../lib/meeting/types";
import { writes } from "../../../lib/meeting/writes";
import { CheckIns } from "../../components/CheckIns";
import { Progress } from "../before/Previous";
import { useMeeting } from "../context";
import { fieldKey } from "../fields";
import { FieldNotice, noticeProps, useFieldStatus } from "../FieldNotice";
import { Field, InlineError, useAction, useId } from "../ui";

export function GoalProgress() {
  const { t } = useTexts();
  const [state] = useMeeting("goals");
  const goals = (state.data.goals ?? []).filter((goal) => goal.status === "active" || goal.status === "draft");
  return (
    <section class="tool-section" aria-labelledby="progress-heading" data-testid="goal-progress">
      <h4 id="progress-heading" class="sub-title">
        {t("ui.meeting.progress.heading")}
      </h4>
      {goals.length === 0 ? (
        <p class="hint">{t("ui.meeting.goals.none")}</p>
      ) : (
        <ul class="cards">
          {goals.map((goal) => (
            <ProgressCard key={goal.id} goal={goal} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProgressCard({ goal }: { goal: Goal }) {
  const { t } = useTexts();
  const [, store] = useMeeting();
  const [percent, setPercent] = useState(String(goal.progress_percent ?? 0));
  const field = fieldKey.progress(goal.id);
  // A note refused before a reload comes back in the field.
  const [note, setNote] = useState(() => store.state.fields[field]?.text ?? "");
  const status = useFieldStatus(field, () => setNote(""));
  const action = useAction();
  const id = useId("progress");
  const record = async (event: Event) => {
    event.preventDefault();
    const value = Math.max(0, Math.min(100, Math.round(Number(percent))));
    if (status?.kind === "waiting") return;
    const sent = await action.run(() => store.track(field, note.trim(), writes.addProgress(goal.id, value, note.trim(), store.id)));
    // Saved: the note empties. Refused, or waiting for the connection: it stays, and why.
    if (sent && !sent.queued) setNote("");
  };
  return (
    <li class="card">
      <p class="card-title">{goal.title}</p>
      <Progress percent={goal.progress_percent} />
      <CheckIns entries={goal.progress} title={goal.title} />
      <form class="editor" onSubmit={record}>
        <div class="field">
          <label for={`${id}-percent`}>{t("ui.meeting.progress.percent")}</label>
          <input
            id={`${id}-percent`}
            class="input"
            type="number"
            min={0}
            max={100}
            step={5}
            value={percent}
            onInput={(event) => setPercent(event.currentTarget.value)}
          />
        </div>
        <Field label={t("ui.meeting.progress.note")} value={note} onInput={setNote} multiline rows={2} {...noticeProps(field, status)}>
          <FieldNotice field={field} />
        </Field>
        <button type="submit" class="button" disabled={action.busy || status?.kind === "waiting"}>
          {t("ui.meeting.progress.record")}
        </button>
        <InlineError message={action.error} />
      </form>
    </li>
  );
}
