import { listConversations } from "../../lib/conversations";
import { useTexts } from "../../lib/i18n";
import { ConversationList } from "../components/ConversationList";
import { Empty, ErrorNotice, Loading } from "../components/Notice";
import { describeError } from "../errors";
import { useLoad } from "../hooks";
import { useSession } from "../session";

/** The personal tab "My MUS": all my conversations, newest first. */
export function Personal() {
  const texts = useTexts();
  const { t } = texts;
  const { api, me } = useSession();
  const [state, reload] = useLoad(() => listConversations(api), [api]);
  return (
    <section class="stack" aria-labelledby="personal-heading">
      <h1 id="personal-heading" class="title">
        {t("ui.personal.heading")}
      </h1>
      <p class="hint">{t("ui.personal.intro")}</p>
      {state.status === "loading" && <Loading />}
      {state.status === "error" && <ErrorNotice message={describeError(state.error, texts)} onRetry={reload} />}
      {state.status === "ok" &&
        (state.value.length ? (
          <ConversationList items={state.value} myObjectId={me.object_id} />
        ) : (
          <Empty>
            <p>{t("ui.personal.empty")}</p>
          </Empty>
        ))}
    </section>
  );
}
