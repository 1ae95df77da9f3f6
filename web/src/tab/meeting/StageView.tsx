/** The meeting stage: everyone in the meeting sees it, on a shared screen. So it shows only what
 * both parties may see, the same whoever looks: the conversation, the agenda with the item the
 * meeting is on, the talking points both added and the shared notes, and where the agreement is.
 * Nothing from one viewer: no private preparation, no wellbeing pulse, no "you", no save state or
 * presence, no personal notices, no controls that act as the viewer. */
import { useEffect, useState } from "preact/hooks";

import { formatDateTime, localised } from "../../lib/format";
import { useTexts } from "../../lib/i18n";
import type { AgendaItemFull } from "../../lib/meeting/types";
import { conversationTitle } from "../components/ConversationHeader";
import { KindLabel, StatusBadge } from "../components/StatusBadge";
import { useMeeting } from "./context";
import { useNoteSync } from "./notes/useNoteSync";
import { sortedAgenda } from "./during/Agenda";
import { phaseOf, STEPS } from "./phases";

export function StageView() {
  const texts = useTexts();
  const { t, language } = texts;
  const [state] = useMeeting("position", "agreement", "goals", "actions", "feedback", "pulses");
  const conversation = state.data.conversation;
  const phase = phaseOf(conversation.status);
  const items = sortedAgenda(conversation.agenda);
  const sharedId = state.data.position?.agenda_item_id ?? null;
  const current = items.find((item) => item.id === sharedId) ?? null;
  const when = formatDateTime(conversation.scheduled_at, language);
  const index = STEPS.indexOf(conversation.status);
  const latest = state.data.agreement?.items[0];
  return (
    <article
      class="conversation conversation-wide stage-view"
      aria-labelledby="conversation-title"
      data-conversation-id={conversation.id}
      data-status={conversation.status}
      data-phase={phase}
      data-testid="stage-view"
    >
      <div class="conversation-header">
        <h1 id="conversation-title" class="title">
          {conversationTitle(conversation, texts)}
        </h1>
        <p class="meta">
          <KindLabel kind={conversation.kind} />
          <StatusBadge status={conversation.status} />
          {when && <span class="when">{when}</span>}
        </p>
        <dl class="parties">
          <div>
            <dt>{t("ui.conversation.manager")}</dt>
            <dd>{conversation.manager.display_name || t("ui.common.unknown_person")}</dd>
          </div>
          <div>
            <dt>{t("ui.conversation.employee")}</dt>
            <dd>{conversation.employee.display_name || t("ui.common.unknown_person")}</dd>
          </div>
        </dl>
      </div>
      <section class="lifecycle" aria-labelledby="stage-lifecycle-heading">
        <h2 id="stage-lifecycle-heading" class="visually-hidden">
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
      </section>
      {phase === "after" && (
        <section class="agreement" aria-labelledby="stage-agreement-heading" data-testid="stage-agreement">
          <h2 id="stage-agreement-heading" class="section-title">
            {t("ui.meeting.agreement.heading")}
          </h2>
          <p>
            {latest
              ? t("ui.panel.stage.agreement_version", {
                  number: latest.number,
                  state: t(`ui.panel.stage.version_state.${latest.state}`),
                })
              : t("ui.meeting.agreement.none")}
          </p>
        </section>
      )}
      <section class="agenda" aria-labelledby="stage-agenda-heading">
        <h2 id="stage-agenda-heading" class="section-title">
          {t("ui.agenda.heading")}
        </h2>
        {items.length === 0 ? (
          <p class="hint">{t("ui.agenda.empty")}</p>
        ) : (
          <div class="split">
            <ol class="agenda-list" data-testid="agenda">
              {items.map((item) => (
                <li
                  key={item.id}
                  class={`agenda-item ${item.id === sharedId ? "is-current" : ""}`}
                  data-item-id={item.id}
                  data-section={item.section_key}
                  data-current={item.id === sharedId ? "yes" : "no"}
                  data-open={item.id === sharedId ? "yes" : "no"}
                  aria-current={item.id === sharedId ? "step" : undefined}
                >
                  <span class="agenda-item-title">{localised(item.title, language)}</span>
                  {item.id === sharedId && <span class="now-tag">{t("ui.meeting.agenda.now")}</span>}
                </li>
              ))}
            </ol>
            <div class="split-panel" data-testid="stage-current">
              {current ? (
                <>
                  <h3 class="section-title">{localised(current.title, language)}</h3>
                  <div class="stage-block">
                    <h4 class="sub-title">{t("ui.meeting.points.heading")}</h4>
                    {current.talking_points.length === 0 ? (
                      <p class="hint">{t("ui.meeting.points.none")}</p>
                    ) : (
                      <ul class="point-list">
                        {current.talking_points.map((point) => (
                          <li key={point.id} class="point">
                            <span class="point-text">{point.text}</span>
                            <span class="hint">{point.author.display_name}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                  <div class="stage-block">
                    <h4 class="sub-title">{t("ui.meeting.notes.label")}</h4>
                    <StageNotes key={current.id} item={current} />
                  </div>
                  <SharedTools item={current} />
                </>
              ) : (
                <p class="hint">{t(phase === "before" ? "ui.panel.stage.not_started" : "ui.panel.stage.no_current")}</p>
              )}
            </div>
          </div>
        )}
      </section>
    </article>
  );
}

/** The current item's tools, as both see them: goals, development actions, feedback between the two,
 * and only the wellbeing pulses their authors shared (never a private one). */
function SharedTools({ item }: { item: AgendaItemFull }) {
  const { t } = useTexts();
  const [state] = useMeeting();
  const { goals, actions, feedback, pulses } = state.data;
  const tools = new Set(item.tools);
  const sharedPulses = (pulses ?? []).filter((pulse) => pulse.shared);
  return (
    <>
      {(tools.has("goals") || tools.has("goal_progress")) && goals && goals.length > 0 && (
        <section class="stage-block" data-testid="stage-goals">
          <h4 class="sub-title">{t("ui.panel.stage.goals")}</h4>
          <ul class="plain-list">
            {goals.map((goal) => (
              <li key={goal.id} data-testid="goal">
                {goal.title}
                {goal.progress_percent !== null && <span class="hint"> · {goal.progress_percent} %</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {tools.has("development") && actions && actions.length > 0 && (
        <section class="stage-block" data-testid="stage-actions">
          <h4 class="sub-title">{t("ui.panel.stage.actions")}</h4>
          <ul class="plain-list">
            {actions.map((action) => (
              <li key={action.id} data-testid="action">
                {action.title} <span class="hint">· {t(`ui.meeting.action.status.${action.status}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {tools.has("feedback") && (
        <section class="stage-block" data-testid="feedback">
          <h4 class="sub-title">{t("ui.panel.stage.feedback")}</h4>
          {feedback && feedback.length > 0 ? (
            <ul class="plain-list">
              {feedback.map((entry) => (
                <li key={entry.id}>
                  {entry.text} <span class="hint">– {entry.author.display_name}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="hint">{t("ui.panel.stage.none_yet")}</p>
          )}
        </section>
      )}
      {tools.has("wellbeing") && sharedPulses.length > 0 && (
        <section class="stage-block" data-testid="stage-wellbeing">
          <h4 class="sub-title">{t("ui.panel.stage.wellbeing")}</h4>
          <ul class="plain-list">
            {sharedPulses.map((pulse) => (
              <li key={pulse.id}>
                {t("ui.panel.stage.pulse", { name: pulse.author.display_name, score: pulse.score })}
                {pulse.comment && <span> – {pulse.comment}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** The current item's shared notes, read only, kept in step as the two type in their side panels. */
function StageNotes({ item }: { item: AgendaItemFull }) {
  const { t } = useTexts();
  const [, store] = useMeeting();
  const { sync } = useNoteSync(store, item.id);
  const [text, setText] = useState(sync?.ready ? sync.value : item.notes);
  useEffect(() => {
    if (!sync) {
      setText(item.notes); // the text the agenda came with, until the shared notes are loaded
      return;
    }
    if (sync.ready) setText(sync.value);
    return sync.subscribe({
      onReady: () => setText(sync.value),
      onChange: (value) => setText(value),
      onError: () => undefined, // read only: the text as last loaded stays
      onSaved: () => undefined,
    });
  }, [sync]);
  return text.trim() ? (
    <p class="prep-text" data-testid="stage-notes">
      {text}
    </p>
  ) : (
    <p class="hint">{t("ui.panel.stage.no_notes")}</p>
  );
}
