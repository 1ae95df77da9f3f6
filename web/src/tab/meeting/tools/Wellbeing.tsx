/** The wellbeing pulse (the "wellbeing and balance" item): a score from 1 to 5 and a comment, kept
 * to oneself unless shared with the other party. */
import { useState } from "preact/hooks";

import { formatDateTime } from "../../../lib/format";
import { useTexts } from "../../../lib/i18n";
import type { Pulse } from "../../../lib/meeting/types";
import { writes } from "../../../lib/meeting/writes";
import { useMeeting } from "../context";
import { fieldKey } from "../fields";
import { FieldNotice, noticeProps, useFieldStatus } from "../FieldNotice";
import { Field, InlineError, useAction, useId } from "../ui";

const SCORES = [1, 2, 3, 4, 5];

export function Wellbeing() {
  const { t, language } = useTexts();
  const [state, store] = useMeeting("pulses");
  const [score, setScore] = useState<number | null>(null);
  const [shared, setShared] = useState(false); // private unless its author shares it
  const field = fieldKey.pulse();
  // A comment refused before a reload comes back in the field.
  const [comment, setComment] = useState(() => store.state.fields[field]?.text ?? "");
  const status = useFieldStatus(field, () => {
    setScore(null);
    setComment("");
  });
  const action = useAction();
  const id = useId("pulse");
  const other = state.role === "manager" ? state.data.conversation.employee : state.data.conversation.manager;

  const send = async (event: Event) => {
    event.preventDefault();
    if (score === null || status?.kind === "waiting") return;
    const sent = await action.run(() => store.track<Pulse>(field, comment.trim(), writes.addPulse(store.id, score, shared, comment.trim())));
    // Saved: the form empties. Refused, or waiting for the connection: what was chosen stays, and why.
    if (sent && !sent.queued) {
      setScore(null);
      setComment("");
    }
  };

  const pulses = state.data.pulses;
  return (
    <section class="tool-section" aria-labelledby={`${id}-heading`} data-testid="wellbeing">
      <h4 id={`${id}-heading`} class="sub-title">
        {t("ui.meeting.wellbeing.heading")}
      </h4>
      {pulses && pulses.length > 0 && (
        <ul class="cards">
          {pulses.map((pulse) => (
            <li key={pulse.id} class="card" data-testid="pulse">
              <p class="meta">
                <span class="badge">{t("ui.meeting.wellbeing.score", { score: pulse.score })}</span>
                <span>{t(`ui.meeting.wellbeing.level.${pulse.score}`)}</span>
              </p>
              <p class="hint">
                {pulse.author.display_name} · {formatDateTime(pulse.created_at, language)} ·{" "}
                {pulse.shared ? t("ui.meeting.wellbeing.shared") : t("ui.meeting.wellbeing.private")}
              </p>
              {pulse.comment && <p>{pulse.comment}</p>}
            </li>
          ))}
        </ul>
      )}
      <form class="editor" onSubmit={send}>
        <fieldset class="field-group">
          <legend>{t("ui.meeting.wellbeing.question")}</legend>
          <div class="scale">
            {SCORES.map((value) => (
              <label key={value} class="scale-option">
                <input type="radio" name={`${id}-score`} value={value} checked={score === value} onChange={() => setScore(value)} />
                <span class="scale-number">{value}</span>
                <span class="visually-hidden">{t(`ui.meeting.wellbeing.level.${value}`)}</span>
              </label>
            ))}
          </div>
          <p class="hint">{t("ui.meeting.wellbeing.scale")}</p>
        </fieldset>
        <Field label={t("ui.meeting.wellbeing.comment")} value={comment} onInput={setComment} multiline rows={2} {...noticeProps(field, status)}>
          <FieldNotice field={field} />
        </Field>
        <label class="choice">
          <input type="checkbox" checked={shared} onChange={(event) => setShared(event.currentTarget.checked)} />
          <span>{t("ui.meeting.wellbeing.share_with", { name: other.display_name })}</span>
        </label>
        <button type="submit" class="button" disabled={action.busy || score === null || status?.kind === "waiting"}>
          {t("ui.meeting.wellbeing.send")}
        </button>
        <InlineError message={action.error} />
      </form>
    </section>
  );
}
