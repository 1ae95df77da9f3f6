import { useEffect, useState } from "preact/hooks";

import { tabUrl } from "../../lib/conversations";
import { useTexts } from "../../lib/i18n";
import { canShareToStage, shareToStage } from "../../lib/teams";
import { describeError } from "../errors";

type State = { kind: "idle" } | { kind: "sharing" } | { kind: "shared" } | { kind: "failed"; message: string };

/** Shown only when Teams says this app may share to the meeting stage. */
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

  return (
    <div class="share">
      <button type="button" class="button button-primary" onClick={share} disabled={state.kind === "sharing"}>
        {state.kind === "sharing" ? t("ui.stage.sharing") : t("ui.stage.share")}
      </button>
      <p class="share-status" role="status">
        {state.kind === "shared" && t("ui.stage.shared")}
        {state.kind === "failed" && state.message}
      </p>
    </div>
  );
}
