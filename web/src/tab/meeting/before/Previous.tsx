/** What came before: the last agreement between the two, and how the goals they set are going. */
import { useEffect, useState } from "preact/hooks";

import { formatDate, formatDateTime, formatPercent } from "../../../lib/format";
import { useTexts } from "../../../lib/i18n";
import { reads } from "../../../lib/meeting/reads";
import type { AgreementVersion } from "../../../lib/meeting/types";
import { CheckIns } from "../../components/CheckIns";
import { useMeeting } from "../context";

interface Earlier {
  id: number;
  title: string;
  version: AgreementVersion;
}

export function Previous() {
  const texts = useTexts();
  const { t, n, language } = texts;
  const [state, store] = useMeeting("goals");
  const conversation = state.data.conversation;
  const [earlier, setEarlier] = useState<Earlier | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    (async () => {
      const all = await reads.agreedConversations(store.api);
      // The pair's most recent agreed conversation: when it was held (or planned, or created).
      const heldAt = (other: (typeof all)[number]) => other.meeting_ended_at ?? other.scheduled_at ?? other.created_at;
      const previous = all
        .filter(
          (other) =>
            other.id !== conversation.id &&
            other.status === "agreed" &&
            other.employee.object_id === conversation.employee.object_id &&
            other.manager.object_id === conversation.manager.object_id,
        )
        .sort((a, b) => Date.parse(heldAt(b)) - Date.parse(heldAt(a)))[0];
      if (!previous) return null;
      const agreement = await reads.agreement(store.api, previous.id);
      const version = agreement.items.find((item) => item.state === "agreed");
      return version ? { id: previous.id, title: previous.title, version } : null;
    })().then(
      (found) => live && setEarlier(found),
      () => live && setEarlier(null),
    );
    return () => {
      live = false;
    };
  }, [store, conversation.id]);

  const goals = (state.data.goals ?? []).filter(
    (goal) => goal.conversation_id !== conversation.id && (goal.status === "active" || goal.status === "achieved"),
  );
  return (
    <section class="previous" aria-labelledby="previous-heading" data-testid="previous">
      <h2 id="previous-heading" class="section-title">
        {t("ui.meeting.previous.heading")}
      </h2>
      {earlier === undefined && <p class="hint">{t("ui.common.loading")}</p>}
      {earlier === null && goals.length === 0 && <p class="hint">{t("ui.meeting.previous.none")}</p>}
      {earlier && (
        <div class="card">
          <p>
            {t("ui.meeting.previous.agreed", {
              title: earlier.title || t("ui.kind.mus"),
              when: formatDateTime(earlier.version.locked_at, language) ?? "",
            })}
          </p>
          {earlier.version.snapshot.follow_ups.length > 0 && (
            <ul class="plain-list">
              {earlier.version.snapshot.follow_ups.map((follow) => (
                <li key={`${follow.title}-${follow.due_on}`}>
                  {follow.title} · {formatDate(follow.due_on, language)}
                </li>
              ))}
            </ul>
          )}
          {earlier.version.snapshot.development_actions.length > 0 && (
            <p class="hint">{n("ui.meeting.previous.actions", earlier.version.snapshot.development_actions.length)}</p>
          )}
          {/* A summary, and said so: the whole agreement is one step away. */}
          <p class="hint">
            <a class="conversation-link" href={`/tab/content?conversation=${earlier.id}`} data-testid="previous-full">
              {t("ui.meeting.previous.summary_link")}
            </a>
          </p>
        </div>
      )}
      {goals.length > 0 && (
        <ul class="goal-progress-list">
          {goals.map((goal) => (
            <li key={goal.id} class="card">
              <p class="card-title">{goal.title}</p>
              <p class="hint">
                {t(`ui.meeting.goal.status.${goal.status}`)}
                {goal.deadline && ` · ${t("ui.meeting.goal.due", { date: formatDate(goal.deadline, language) ?? "" })}`}
              </p>
              <Progress percent={goal.progress_percent} />
              <CheckIns entries={goal.progress} title={goal.title} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Progress({ percent }: { percent: number | null }) {
  const { t, language } = useTexts();
  if (percent === null) return <p class="hint">{t("ui.meeting.goal.no_progress")}</p>;
  return (
    <div class="progress">
      <progress max={100} value={percent} aria-label={t("ui.meeting.goal.progress")} />
      <span>{formatPercent(percent, language)}</span>
    </div>
  );
}
