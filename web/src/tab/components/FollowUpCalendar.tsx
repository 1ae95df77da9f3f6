/** The follow-ups' place in the calendar: the "Add to calendar (.ics)" download (always offered) and,
 * once the agreement was locked, where each follow-up's event in both calendars stands (in your
 * calendar, being added, or not permitted: then the .ics is the way). */
import "./followup-calendar.css";

import { useEffect, useState } from "preact/hooks";

import type { components } from "../../lib/api/schema";
import { downloadFile } from "../../lib/download";
import { formatDate } from "../../lib/format";
import { useTexts } from "../../lib/i18n";
import { describeError } from "../errors";
import { useLoad } from "../hooks";
import { useSession } from "../session";

type FollowUp = components["schemas"]["FollowUpOut"];
export type CalendarState = NonNullable<FollowUp["calendar"]>;

/** How often the states are read again while one is still being added. */
const PENDING_REFRESH_MS = 4000;

export function CalendarBadge({ state }: { state: CalendarState | null | undefined }) {
  const { t } = useTexts();
  if (!state) return null;
  return (
    <span class={`calendar-state calendar-state-${state}`} data-testid="calendar-state" data-state={state}>
      {t(`ui.followups.calendar.${state}`)}
    </span>
  );
}

/** The button that downloads the conversation's follow-ups as an .ics file. */
export function IcsButton({ conversationId }: { conversationId: number }) {
  const texts = useTexts();
  const { t } = texts;
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadFile(api, `/api/conversations/${conversationId}/follow-ups.ics`, `mus-follow-ups-${conversationId}.ics`);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="ics-download">
      <button
        type="button"
        class="button button-subtle ics-button"
        disabled={busy}
        onClick={() => void download()}
        title={t("ui.followups.ics_label")}
        data-testid="follow-ups-ics"
      >
        {t("ui.followups.ics")}
      </button>
      {error !== null && (
        <span class="hint-error" role="alert">
          {describeError(error, texts)}
        </span>
      )}
    </span>
  );
}

const keyOf = (item: { title: string; due_on: string }) => `${item.due_on}|${item.title}`;

/** The agreed follow-ups with each one's calendar state (read from the live list) and the .ics
 * download. `items` are the follow-ups as the agreement version records them. */
export function AgreedFollowUps({
  conversationId,
  items,
  refreshKey,
  listClass = "plain-list",
}: {
  conversationId: number;
  items: { title: string; due_on: string }[];
  refreshKey?: unknown;
  listClass?: string;
}) {
  const { language } = useTexts();
  const { api } = useSession();
  const [live, reload] = useLoad(() => api.get<{ items: FollowUp[] }>(`/api/conversations/${conversationId}/follow-ups`), [api, conversationId, refreshKey]);
  const states = new Map<string, CalendarState | null | undefined>(live.status === "ok" ? live.value.items.map((f) => [keyOf(f), f.calendar]) : []);
  const pending = [...states.values()].includes("pending");
  useEffect(() => {
    if (!pending) return;
    const timer = window.setTimeout(reload, PENDING_REFRESH_MS);
    return () => window.clearTimeout(timer);
  }, [pending, live]);
  return (
    <div class="agreed-follow-ups" data-testid="agreed-follow-ups">
      <ul class={listClass}>
        {items.map((followUp, index) => (
          <li key={index} data-testid="agreed-follow-up">
            <span data-testid="agreed-follow-up-text">
              <time dateTime={followUp.due_on}>{formatDate(followUp.due_on, language) ?? followUp.due_on}</time> · {followUp.title}
            </span>{" "}
            <CalendarBadge state={states.get(keyOf(followUp))} />
          </li>
        ))}
      </ul>
      <IcsButton conversationId={conversationId} />
    </div>
  );
}
