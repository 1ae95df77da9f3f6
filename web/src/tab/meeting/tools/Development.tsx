/** The development plan (the "personal and professional development" item): the actions agreed,
 * each of a kind, owned by one of the two, maybe serving a goal; added and changed in place. */
import { useState } from "preact/hooks";

import { formatDate } from "../../../lib/format";
import { useTexts } from "../../../lib/i18n";
import type { DevelopmentAction } from "../../../lib/meeting/types";
import { useMeeting } from "../context";
import { ActionEditor, useActionLabels } from "./ActionEditor";
import { DraftCard } from "./coedit";

export function Development() {
  const { t } = useTexts();
  const [state] = useMeeting("actions", "goals");
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const actions = state.data.actions;
  const { label, show } = useActionLabels();
  // Actions the other person is writing now, before they are saved (live drafts).
  const drafts = state.drafts.filter((draft) => draft.record === "action");
  const newDrafts = drafts.filter((draft) => draft.id === null);
  const draftCards = (id: number | null) =>
    (id === null ? newDrafts : drafts.filter((draft) => draft.id === id)).map((draft) => (
      <DraftCard key={`${draft.by}:${draft.key}`} draft={draft} label={label} show={show} testId="action-draft" />
    ));
  return (
    <section class="tool-section" aria-labelledby="development-heading" data-testid="development">
      <h4 id="development-heading" class="sub-title">
        {t("ui.meeting.development.heading")}
      </h4>
      {actions === undefined ? (
        <p class="hint">{t("ui.common.loading")}</p>
      ) : actions.length === 0 ? (
        newDrafts.length === 0 && <p class="hint">{t("ui.meeting.development.none")}</p>
      ) : (
        <ul class="cards">
          {actions.map((action) =>
            editing === action.id ? (
              <li key={action.id}>
                <ActionEditor action={action} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <li key={action.id} class="card" data-testid="action" data-action-id={action.id}>
                <ActionSummary action={action} />
                {draftCards(action.id)}
                <button
                  type="button"
                  class="button button-small"
                  onClick={() => setEditing(action.id)}
                  aria-label={t("ui.meeting.action.edit_named", { title: action.title })}
                >
                  {t("ui.meeting.edit")}
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      {draftCards(null)}
      {editing === "new" ? (
        <ActionEditor action={null} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" class="button" onClick={() => setEditing("new")} data-testid="new-action">
          {t("ui.meeting.development.new")}
        </button>
      )}
    </section>
  );
}

function ActionSummary({ action }: { action: DevelopmentAction }) {
  const { t, language } = useTexts();
  const [state] = useMeeting();
  const goal = state.data.goals?.find((entry) => entry.id === action.goal_id);
  return (
    <>
      <p class="card-title">{action.title}</p>
      <p class="meta">
        <span class="badge">{t(`ui.meeting.action.kind.${action.kind}`)}</span>
        <span>{t(`ui.meeting.action.status.${action.status}`)}</span>
      </p>
      <p class="hint">
        {t("ui.meeting.action.owned_by", { name: action.owner.display_name })}
        {action.due_date && ` · ${t("ui.meeting.goal.due", { date: formatDate(action.due_date, language) ?? "" })}`}
      </p>
      {goal && <p class="hint">{t("ui.meeting.action.serves", { title: goal.title })}</p>}
      {action.resources && <p>{action.resources}</p>}
    </>
  );
}

/** One line about an action (under the goal it serves). */
export function ActionLine({ action }: { action: DevelopmentAction }) {
  const { t } = useTexts();
  return (
    <li>
      {action.title} <span class="hint">({t(`ui.meeting.action.kind.${action.kind}`)})</span>
    </li>
  );
}
