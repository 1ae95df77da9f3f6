/** Feedback both ways (the "feedback and recognition" item): recognition and things to do
 * differently, each marked with who gave it to whom. */
import { useState } from "preact/hooks";

import { useTexts } from "../../../lib/i18n";
import type { FeedbackEntry, FeedbackKind } from "../../../lib/meeting/types";
import { writes } from "../../../lib/meeting/writes";
import { useMeeting } from "../context";
import { Field, InlineError, useAction, useId } from "../ui";

const KINDS: FeedbackKind[] = ["recognition", "improvement"];

export function Feedback() {
  const { t } = useTexts();
  const [state, store] = useMeeting("feedback");
  const [kind, setKind] = useState<FeedbackKind>("recognition");
  const [text, setText] = useState("");
  const action = useAction();
  const id = useId("feedback");
  const { employee, manager } = state.data.conversation;
  const to = state.role === "manager" ? employee : manager;

  const give = async (event: Event) => {
    event.preventDefault();
    const body = text.trim();
    if (!body) return;
    const sent = await action.run(() =>
      store.run<FeedbackEntry>(writes.addFeedback(store.id, kind, body), (created) => ({
        label: "ui.meeting.undo.feedback_added",
        run: () => store.run(writes.removeFeedback(store.id, created.id)),
      })),
    );
    if (sent) setText("");
  };

  const entries = state.data.feedback;
  return (
    <section class="tool-section" aria-labelledby={`${id}-heading`} data-testid="feedback">
      <h4 id={`${id}-heading`} class="sub-title">
        {t("ui.meeting.feedback.heading")}
      </h4>
      {entries === undefined ? (
        <p class="hint">{t("ui.common.loading")}</p>
      ) : entries.length === 0 ? (
        <p class="hint">{t("ui.meeting.feedback.none")}</p>
      ) : (
        <ul class="cards">
          {entries.map((entry) => (
            <li key={entry.id} class={`card feedback-${entry.kind}`} data-testid="feedback-entry">
              <p class="meta">
                <span class="badge">{t(`ui.meeting.feedback.kind.${entry.kind}`)}</span>
                <span>
                  {t("ui.meeting.feedback.from_to", {
                    from: entry.author.display_name,
                    to: entry.direction === "to_employee" ? employee.display_name : manager.display_name,
                  })}
                </span>
              </p>
              <p>{entry.text}</p>
            </li>
          ))}
        </ul>
      )}
      <form class="editor" onSubmit={give}>
        <fieldset class="field-group">
          <legend>{t("ui.meeting.feedback.give_to", { name: to.display_name })}</legend>
          <div class="choice-row">
            {KINDS.map((value) => (
              <label key={value} class="choice">
                <input type="radio" name={`${id}-kind`} value={value} checked={kind === value} onChange={() => setKind(value)} />
                <span>{t(`ui.meeting.feedback.kind.${value}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t("ui.meeting.feedback.text")} hint={t("ui.meeting.feedback.guide")} value={text} onInput={setText} multiline rows={3} />
        <button type="submit" class="button" disabled={action.busy || !text.trim()}>
          {t("ui.meeting.feedback.give")}
        </button>
        <InlineError message={action.error} />
      </form>
    </section>
  );
}
