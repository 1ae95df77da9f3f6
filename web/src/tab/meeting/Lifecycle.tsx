/** Where the conversation is (planned → preparing → in the meeting → in review → agreed) and the
 * next step, one button away. Concluding drafts the agreement, which starts the review: the button
 * shows once the agenda is done (the meeting is on its last item); before that, "Conclude now" is in
 * the header's "More actions" menu. */
import type { Status } from "../../lib/conversations";
import { writes } from "../../lib/meeting/writes";
import { useTexts } from "../../lib/i18n";
import { useMeeting } from "./context";
import { agendaDone, canRequest, STEPS } from "./phases";
import { type Action, InlineError, useAction } from "./ui";

/** The conclude action, shared by the lifecycle's button and the "More actions" menu. */
export function useConclude(): Action & { conclude: () => Promise<unknown> } {
  const [, store] = useMeeting();
  const action = useAction();
  const conclude = () =>
    action.run(() =>
      store.run(writes.draftAgreement(store.id), () => ({
        label: "ui.meeting.undo.concluded",
        run: () => store.run(writes.transition(store.id, "in_meeting", store.state.data.conversation.version)),
      })),
    );
  return { ...action, conclude };
}

export function Lifecycle({ conclusion }: { conclusion: ReturnType<typeof useConclude> }) {
  const { t } = useTexts();
  const [state, store] = useMeeting("position");
  const action = useAction();
  const conversation = state.data.conversation;
  const status = conversation.status;
  const done = agendaDone(conversation.agenda, state.data.position?.agenda_item_id ?? null);

  const move = (target: Status) =>
    action.run(() =>
      store.run<{ status: Status; version: number }>(writes.transition(store.id, target, conversation.version), (result) =>
        canRequest(target, status)
          ? {
              label: `ui.meeting.undo.status.${target}`,
              run: () => store.run(writes.transition(store.id, status, result.version)),
            }
          : null,
      ),
    );
  const index = STEPS.indexOf(status);
  return (
    <section class="lifecycle" aria-labelledby="lifecycle-heading" data-testid="lifecycle">
      <h2 id="lifecycle-heading" class="visually-hidden">
        {t("ui.meeting.lifecycle.heading")}
      </h2>
      <ol class="steps">
        {STEPS.map((step, position) => (
          <li
            key={step}
            class={`step ${position < index ? "step-done" : ""} ${position === index ? "step-current" : ""}`}
            aria-current={position === index ? "step" : undefined}
          >
            <span class="step-label">{t(`ui.status.${step}`)}</span>
          </li>
        ))}
      </ol>
      <div class="button-row">
        {canRequest(status, "preparing") && (
          <button type="button" class="button" disabled={action.busy} onClick={() => move("preparing")}>
            {t("ui.meeting.lifecycle.to.preparing")}
          </button>
        )}
        {canRequest(status, "in_meeting") && (
          <button type="button" class="button button-primary" disabled={action.busy} onClick={() => move("in_meeting")}>
            {status === "reviewing" ? t("ui.meeting.lifecycle.back_to_meeting") : t("ui.meeting.lifecycle.to.in_meeting")}
          </button>
        )}
        {status === "in_meeting" && done && (
          <button
            type="button"
            class="button button-primary"
            disabled={conclusion.busy}
            onClick={conclusion.conclude}
            data-testid="conclude"
          >
            {t("ui.meeting.lifecycle.conclude")}
          </button>
        )}
      </div>
      <InlineError message={action.error} />
      <InlineError message={conclusion.error} />
    </section>
  );
}
