import "./checkins.css";

import { useState } from "preact/hooks";

import { formatDateTime } from "../../lib/format";
import { useTexts } from "../../lib/i18n";
import { ErrorNotice, Loading } from "../components/Notice";
import { describeError } from "../errors";
import { useLoad } from "../hooks";
import { useSession } from "../session";
import { CheckinPanel } from "./CheckinPanel";
import { type CheckinSummary, listCheckins } from "./checkinData";

/** "Check-ins": my check-ins with the state of each part; one opens to fill in my part. */
export function Checkins({ onChanged }: { onChanged?: () => void }) {
  const texts = useTexts();
  const { t, language } = texts;
  const { api, me } = useSession();
  const [list, reload] = useLoad(() => listCheckins(api), [api]);
  const [open, setOpen] = useState<number | null>(null);

  const changed = () => {
    reload();
    onChanged?.();
  };

  return (
    <section class="mymus-section" aria-labelledby="mymus-checkins-heading" data-testid="mymus-checkins">
      <h2 id="mymus-checkins-heading" class="section-title">
        {t("ui.mymus.checkins.heading")}
      </h2>
      <p class="hint">{t("ui.mymus.checkins.intro")}</p>
      {list.status === "loading" && <Loading label={t("ui.mymus.checkins.loading")} />}
      {list.status === "error" && <ErrorNotice message={describeError(list.error, texts)} onRetry={reload} />}
      {list.status === "ok" && list.value.length === 0 && <p class="mymus-empty">{t("ui.mymus.checkins.empty")}</p>}
      {list.status === "ok" && list.value.length > 0 && (
        <ul class="mymus-cards">
          {list.value.map((item: CheckinSummary) => {
            const other = item.employee.object_id === me.object_id ? item.manager : item.employee;
            const headingId = `checkin-${item.conversation_id}-title`;
            const isOpen = open === item.conversation_id;
            return (
              <li key={item.conversation_id} class="mymus-card" data-checkin={item.conversation_id}>
                <h3 id={headingId} class="mymus-card-title">
                  {item.title || t("ui.mymus.checkins.untitled")}
                </h3>
                <p class="meta">
                  {t("ui.mymus.checkins.with", { name: other.display_name })}
                  {item.scheduled_at && <> · {formatDateTime(item.scheduled_at, language)}</>}
                </p>
                <dl class="mymus-facts">
                  <div data-fact="mine">
                    <dt>{t("ui.mymus.checkins.mine")}</dt>
                    <dd data-state={item.my_state}>{t(`ui.mymus.checkins.state.${item.my_state}`)}</dd>
                  </div>
                  <div data-fact="theirs">
                    <dt>{t("ui.mymus.checkins.theirs", { name: other.display_name })}</dt>
                    <dd data-state={item.their_state}>{t(`ui.mymus.checkins.state.${item.their_state}`)}</dd>
                  </div>
                </dl>
                {item.closed && <p class="checkin-closed-badge">{t("ui.mymus.checkins.closed")}</p>}
                <button
                  type="button"
                  class="button"
                  aria-expanded={isOpen}
                  aria-controls={`checkin-${item.conversation_id}-panel`}
                  aria-describedby={headingId}
                  onClick={() => setOpen(isOpen ? null : item.conversation_id)}
                >
                  {isOpen ? t("ui.mymus.checkins.hide") : t("ui.mymus.checkins.open")}
                </button>
                {isOpen && (
                  <div id={`checkin-${item.conversation_id}-panel`}>
                    <CheckinPanel id={item.conversation_id} onChanged={changed} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
