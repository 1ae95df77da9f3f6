import { useEffect, useState } from "preact/hooks";

import { tabUrl } from "../../lib/conversations";
import { useTexts } from "../../lib/i18n";
import { canShareToStage, shareToStage } from "../../lib/teams";
import { describeError } from "../errors";

type State = { kind: "idle" } | { kind: "sharing" } | { kind: "shared" } | { kind: "failed"; message: string };

/** The "share to stage" glyph (a screen with an arrow up), as Teams shows it in a side panel's header. */
export function ShareIcon() {
  return (
    <svg class="icon" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M4.5 3A2.5 2.5 0 0 0 2 5.5v7A2.5 2.5 0 0 0 4.5 15h11a2.5 2.5 0 0 0 2.5-2.5v-7A2.5 2.5 0 0 0 15.5 3h-11ZM3 5.5C3 4.67 3.67 4 4.5 4h11c.83 0 1.5.67 1.5 1.5v7c0 .83-.67 1.5-1.5 1.5h-11A1.5 1.5 0 0 1 3 12.5v-7Zm6.65.15a.5.5 0 0 1 .7 0l2.5 2.5a.5.5 0 0 1-.7.7L10.5 7.21v4.29a.5.5 0 0 1-1 0V7.2L7.85 8.86a.5.5 0 1 1-.7-.7l2.5-2.5ZM6 16.5a.5.5 0 0 0 0 1h8a.5.5 0 0 0 0-1H6Z"
      />
    </svg>
  );
}

/** An icon button in the conversation's header, shown only when Teams says this app may share to
 * the meeting stage. Its name (and tooltip) is the action, in the reader's language. */
export function ShareToStage({ conversationId }: { conversationId: number }) {
  const texts = useTexts();
  const { t } = texts;
  const [allowed, setAllowed] = useState(false);
  const [state, setState] = useState<State>({ kind: "idle" });
  useEffect(() => {
    let live = true;
    canShareToStage().then((yes) => live && setAllowed(yes));
    return () => {
      live = false;
    };
  }, []);
  if (!allowed) return null;

  const share = async () => {
    setState({ kind: "sharing" });
    try {
      await shareToStage(tabUrl("stage", conversationId));
      setState({ kind: "shared" });
    } catch (error) {
      setState({ kind: "failed", message: describeError(error, texts) });
    }
  };

  const label = t("ui.stage.share");
  return (
    <div class="share">
      <button
        type="button"
        class="icon-button has-tooltip"
        onClick={share}
        aria-label={label}
        aria-busy={state.kind === "sharing" ? "true" : undefined}
        disabled={state.kind === "sharing"}
        data-testid="share-to-stage"
      >
        <ShareIcon />
        <span class="tooltip" aria-hidden="true">
          {state.kind === "sharing" ? t("ui.stage.sharing") : label}
        </span>
      </button>
      <p class={state.kind === "failed" ? "share-status share-failed" : "share-status visually-hidden"} role="status">
        {state.kind === "shared" && t("ui.stage.shared")}
        {state.kind === "failed" && state.message}
      </p>
    </div>
  );
}
