/** The "agreements and follow-up" item: the follow-up dates, what the agreement will contain, and
 * concluding the meeting (which drafts the agreement for both to review). */
import { useState } from "preact/hooks";

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
