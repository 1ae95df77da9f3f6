/** Always visible: whether my changes are saved (saving, offline with changes waiting), who else is
 * here, and the way back from my last change. */
import { useEffect } from "preact/hooks";

import { useTexts } from "../../lib/i18n";
import { describeError } from "../errors";
import { useMeeting } from "./context";
import { InlineError, useAction } from "./ui";

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return Boolean(element?.closest?.("input, textarea, select, [contenteditable]"));
}

export function StatusBar() {
  const texts = useTexts();
  const { t } = texts;
  const [state, store] = useMeeting();
  const undo = useAction();
  const other = state.role === "manager" ? state.data.conversation.employee : state.data.conversation.manager;
  const here = state.others.find((p) => p.object_id === other.object_id);

  // Ctrl/Cmd+Z outside a text field undoes my last change (in a field it undoes typing, as usual).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "z" && !isTyping(event.target)) {
        if (!store.state.undo) return;
        event.preventDefault();
        void undo.run(() => store.undoLast());
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [store]);

  const refused = Object.values(state.fields).filter((field) => field.kind === "refused").length + (state.failure ? 1 : 0);
  const save =
    state.save === "offline"
      ? t("ui.meeting.save.offline", { count: state.pending })
      : state.save === "refused"
        ? t("ui.meeting.save.refused", { count: refused })
        : t(`ui.meeting.save.${state.save}`);
  return (
    <div class="statusbar" data-testid="statusbar">
      <p class="statusbar-line">
        <span class={`save save-${state.save}`} role="status" aria-live="polite" data-testid="save-state" data-state={state.save}>
          <span class="dot" aria-hidden="true" />
          {save}
        </span>
        <span class={`presence ${here ? "presence-here" : ""}`} data-testid="presence" data-present={here ? "yes" : "no"}>
          <span class="dot" aria-hidden="true" />
          {here ? t("ui.meeting.presence.here", { name: other.display_name }) : t("ui.meeting.presence.away", { name: other.display_name })}
        </span>
      </p>
      {state.live === "offline" && (
        <p class="hint" data-testid="live-offline">
          {t("ui.meeting.live.offline")}
        </p>
      )}
      {state.undo && (
        <p class="undo-line" role="status">
          <span>{t(state.undo.label)}</span>
          <button type="button" class="button button-small" disabled={undo.busy} onClick={() => undo.run(() => store.undoLast())}>
            {t("ui.meeting.undo.button")}
          </button>
        </p>
      )}
      <InlineError message={undo.error} />
      {state.failure && (
        <div class="inline-error" role="alert">
          <p>
            {state.failure.queued
              ? t("ui.meeting.save.failed", { message: state.failure.message })
              : describeError(state.failure.error, texts)}
          </p>
          <button type="button" class="button button-small" onClick={() => store.dismissFailure()}>
            {t("ui.meeting.dismiss")}
          </button>
        </div>
      )}
    </div>
  );
}
