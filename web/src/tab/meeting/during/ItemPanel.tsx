/** One agenda item, open: talking points from both, the shared notes, the item's tools, and the
 * way on to the next item (which moves both participants). */
import type { FunctionComponent } from "preact";
import { useState } from "preact/hooks";

import { localised } from "../../../lib/format";
import { useTexts } from "../../../lib/i18n";
import type { AgendaItemFull, Tool } from "../../../lib/meeting/types";
import { writes } from "../../../lib/meeting/writes";
import { useMeeting } from "../context";
import { fieldKey } from "../fields";
import { FieldNotice, noticeProps, useFieldStatus } from "../FieldNotice";
import { NotesEditor } from "../notes/NotesEditor";
import { AgreementTool } from "../tools/AgreementTool";
import { Development } from "../tools/Development";
import { Feedback } from "../tools/Feedback";
import { Goals } from "../tools/Goals";
import { GoalProgress } from "../tools/GoalProgress";
import { Wellbeing } from "../tools/Wellbeing";
import { Field, InlineError, useAction } from "../ui";

const TOOLS: Record<Tool, FunctionComponent> = {
  goals: Goals,
  development: Development,
  feedback: Feedback,
  wellbeing: Wellbeing,
  goal_progress: GoalProgress,
  agreement: AgreementTool,
};

export function ItemPanel({ item, items }: { item: AgendaItemFull; items: AgendaItemFull[] }) {
  return (
    <div class="item-panel" data-testid="item-panel" data-item-id={item.id}>
      <TalkingPoints item={item} />
      <NotesEditor item={item} />
      {item.tools.map((tool) => {
        const Tool = TOOLS[tool];
        return Tool ? (
          <div key={tool} class="tool" data-tool={tool}>
            <Tool />
          </div>
        ) : null;
      })}
      <ItemNav item={item} items={items} />
    </div>
  );
}

function TalkingPoints({ item }: { item: AgendaItemFull }) {
  const { t } = useTexts();
  const [state, store] = useMeeting();
  const field = fieldKey.talkingPoint(item.id);
  // What was typed and refused before a reload comes back in the field.
  const [draft, setDraft] = useState(() => store.state.fields[field]?.text ?? "");
  const status = useFieldStatus(field, () => setDraft(""));
  const action = useAction();
  const add = async (event: Event) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text || status?.kind === "waiting") return;
    const sent = await action.run(() =>
      store.track<AgendaItemFull>(field, text, writes.addTalkingPoint(store.id, item.id, text), (updated) => {
        const point = [...updated.talking_points].reverse().find((p) => p.text === text && p.author.object_id === state.myObjectId);
        return point
          ? { label: "ui.meeting.undo.point_added", run: () => store.run(writes.removeTalkingPoint(store.id, item.id, point.id)) }
          : null;
      }),
    );
    // Saved: the field empties. Refused, or waiting for the connection: the text stays, and why.
    if (sent && !sent.queued) setDraft("");
  };
  const remove = (pointId: number, text: string) =>
    action.run(() =>
      store.run(writes.removeTalkingPoint(store.id, item.id, pointId), () => ({
        label: "ui.meeting.undo.point_removed",
        run: () => store.run(writes.addTalkingPoint(store.id, item.id, text)),
      })),
    );
  return (
    <div class="points" data-testid="talking-points">
      <h4 class="sub-title">{t("ui.meeting.points.heading")}</h4>
      {item.talking_points.length === 0 ? (
        <p class="hint">{t("ui.meeting.points.none")}</p>
      ) : (
        <ul class="point-list">
          {item.talking_points.map((point) => {
            const mine = point.author.object_id === state.myObjectId;
            return (
              <li key={point.id} class="point" data-testid="talking-point" data-mine={mine ? "yes" : "no"}>
                <span class="point-text">{point.text}</span>
                <span class="hint">
                  {point.author.display_name}
                  {point.from_preparation && ` · ${t("ui.meeting.points.from_preparation")}`}
                </span>
                {mine && (
                  <button
                    type="button"
                    class="button button-subtle button-small"
                    disabled={action.busy}
                    onClick={() => remove(point.id, point.text)}
                    aria-label={t("ui.meeting.points.remove", { text: point.text })}
                  >
                    {t("ui.meeting.remove")}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <form class="inline-form" onSubmit={add}>
        <Field label={t("ui.meeting.points.add_label")} value={draft} onInput={setDraft} maxLength={2000} {...noticeProps(field, status)} />
        <button type="submit" class="button" disabled={action.busy || !draft.trim() || status?.kind === "waiting"}>
          {t("ui.meeting.points.add")}
        </button>
      </form>
      <FieldNotice field={field} onDiscard={() => setDraft("")} />
      <InlineError message={action.error} />
    </div>
  );
}

function ItemNav({ item, items }: { item: AgendaItemFull; items: AgendaItemFull[] }) {
  const { t, language } = useTexts();
  const [state, store] = useMeeting();
  const action = useAction();
  const current = state.data.position?.agenda_item_id === item.id;
  const next = items[items.findIndex((entry) => entry.id === item.id) + 1];
  // The panel with this button closes: keyboard focus goes to the header of the item moved to.
  const moveAndFocus = async (target: number) => {
    const moving = store.moveTo(target);
    window.requestAnimationFrame(() => document.getElementById(`item-${target}-button`)?.focus());
    await moving;
  };
  return (
    <div class="item-nav">
      {!current && (
        <button type="button" class="button" disabled={action.busy} onClick={() => action.run(() => moveAndFocus(item.id))} data-testid="move-here">
          {t("ui.meeting.agenda.move_here")}
        </button>
      )}
      {next ? (
        <button
          type="button"
          class="button button-primary"
          disabled={action.busy}
          onClick={() => action.run(() => moveAndFocus(next.id))}
          data-testid="next-item"
        >
          {t("ui.meeting.agenda.next", { title: localised(next.title, language) })}
        </button>
      ) : (
        <p class="hint">{t("ui.meeting.agenda.last")}</p>
      )}
      <p class="hint">{t("ui.meeting.agenda.moves_both")}</p>
      <InlineError message={action.error} />
    </div>
  );
}
