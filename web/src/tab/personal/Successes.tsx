import { formatDate } from "../../lib/format";
import { useTexts } from "../../lib/i18n";
import { ErrorNotice, Loading } from "../components/Notice";
import { describeError } from "../errors";
import { useLoad } from "../hooks";
import { useSession } from "../session";
import { listSuccesses, type Success } from "./checkinData";

/** "Successes": goals marked achieved, with their note, shown prominently to both parties. */
export function Successes({ reloadKey = 0 }: { reloadKey?: number }) {
  const texts = useTexts();
  const { t } = texts;
  const { api } = useSession();
  const [list, reload] = useLoad(() => listSuccesses(api), [api, reloadKey]);
  return (
    <section class="mymus-section checkin-successes" aria-labelledby="mymus-successes-heading" data-testid="mymus-successes">
      <h2 id="mymus-successes-heading" class="section-title">
        {t("ui.mymus.successes.heading")}
      </h2>
      {list.status === "loading" && <Loading label={t("ui.mymus.successes.loading")} />}
      {list.status === "error" && <ErrorNotice message={describeError(list.error, texts)} onRetry={reload} />}
      {list.status === "ok" &&
        (list.value.length ? <SuccessList items={list.value} /> : <p class="mymus-empty">{t("ui.mymus.successes.empty")}</p>)}
    </section>
  );
}

export function SuccessList({ items }: { items: Success[] }) {
  const { t, language } = useTexts();
  return (
    <ul class="checkin-success-list">
      {items.map((success) => (
        <li key={success.goal_id} class="checkin-success" data-goal-id={success.goal_id}>
          <p class="checkin-success-title">
            <span aria-hidden="true">★ </span>
            {success.title}
          </p>
          <p>{success.note}</p>
          <p class="hint">
            {t("ui.mymus.successes.by", {
              name: success.marked_by.display_name,
              date: formatDate(success.marked_at, language) ?? "",
            })}
          </p>
        </li>
      ))}
    </ul>
  );
}
