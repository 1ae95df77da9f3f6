/** My private preparation, guided by the questions for my role. Only I see it: the API returns my
 * own items only, and nothing here reaches the other party until I add an item to the agenda. */
import { useEffect, useState } from "preact/hooks";

import { localised } from "../../../lib/format";
import { useTexts } from "../../../lib/i18n";
import type { AgendaItemFull, PreparationItem, Prompt } from "../../../lib/meeting/types";
import { writes } from "../../../lib/meeting/writes";
import { useMeeting } from "../context";
import { fieldKey } from "../fields";
import { FieldNotice, noticeProps, useFieldStatus } from "../FieldNotice";
import type { MeetingStore } from "../store";
import { Field, InlineError, useAction, useId } from "../ui";
import { suggestedItem } from "./suggest";

export function Preparation() {
  const { t } = useTexts();
  const [state, store] = useMeeting("preparation");
  useEffect(() => void store.loadPrompts().catch(() => undefined), [store]);
  const items = state.data.preparation;
  const prompts: (Prompt | null)[] = [...(state.prompts ?? []), null];
  return (
    <section class="private" aria-labelledby="prep-heading" data-testid="preparation">
      <h2 id="prep-heading" class="section-title">
        <span class="lock" aria-hidden="true" />
        {t("ui.meeting.prep.heading")}
      </h2>
      <p class="private-note" data-testid="private-note">
        {t("ui.meeting.prep.private")}
      </p>
      {items === undefined || state.prompts === null ? (
        <p class="hint" role="status">
          {t("ui.common.loading")}
        </p>
      ) : (
        prompts.map((prompt) => (
          <PromptBlock
            key={prompt?.key ?? "free"}
            prompt={prompt}
            items={items.filter((item) => item.prompt_key === (prompt?.key ?? null))}
            agenda={state.data.conversation.agenda}
            store={store}
          />
        ))
      )}
    </section>
  );
}

function PromptBlock({
  prompt,
  items,
  agenda,
  store,
}: {
  prompt: Prompt | null;
  items: PreparationItem[];
  agenda: AgendaItemFull[];
  store: MeetingStore;
}) {
  const { t } = useTexts();
  const field = fieldKey.newPreparation(prompt?.key ?? null);
  // What was typed and refused before a reload comes back in the field.
  const [draft, setDraft] = useState(() => store.state.fields[field]?.text ?? "");
  const status = useFieldStatus(field, () => setDraft(""));
  const action = useAction();
  const headingId = useId("prompt");
  const add = async () => {
    const text = draft.trim();
    if (!text) return;
    const sent = await action.run(() =>
      store.track<PreparationItem>(field, text, writes.addPreparation(store.id, prompt?.key ?? null, text), (created) => ({
        label: "ui.meeting.undo.prep_added",
        run: () => store.run(writes.removePreparation(store.id, created.id)),
      })),
    );
    // Saved: the field empties. Refused, or waiting for the connection: the text stays, and why.
    if (sent && !sent.queued) setDraft("");
  };
  return (
    <div class="prompt" role="group" aria-labelledby={headingId} data-prompt={prompt?.key ?? "free"}>
      <h3 id={headingId} class="prompt-question">
        {prompt ? prompt.text : t("ui.meeting.prep.other")}
      </h3>
      {items.length > 0 && (
        <ul class="prep-items">
          {items.map((item) => (
            <PrepItem key={item.id} item={item} agenda={agenda} store={store} />
          ))}
        </ul>
      )}
      <Field
        label={t("ui.meeting.prep.add_label")}
        value={draft}
        onInput={setDraft}
        multiline
        rows={2}
        {...noticeProps(field, status)}
      >
        <FieldNotice field={field} onDiscard={() => setDraft("")} />
      </Field>
      <div class="button-row">
        <button type="button" class="button" disabled={action.busy || !draft.trim() || status?.kind === "waiting"} onClick={add}>
          {t("ui.meeting.prep.add")}
        </button>
      </div>
      <InlineError message={action.error} />
    </div>
  );
}

function PrepItem({ item, agenda, store }: { item: PreparationItem; agenda: AgendaItemFull[]; store: MeetingStore }) {
  const texts = useTexts();
  const { t, language } = texts;
  const field = fieldKey.preparation(item.id);
  // A change refused before a reload opens the item again with it.
  const kept = store.state.fields[field]?.text ?? null;
  const [editing, setEditing] = useState(kept !== null);
  const [text, setText] = useState(kept ?? item.text);
  const status = useFieldStatus(field, () => setEditing(false));
  const suggestion = suggestedItem(agenda, item.prompt_key);
  const [target, setTarget] = useState<number | null>(suggestion?.id ?? null);
  const action = useAction();
  const selectId = useId("promote");
  const sorted = [...agenda].sort((a, b) => a.position - b.position);
  const promotedTo = agenda.find((entry) => entry.id === item.promoted_item_id);

  const save = () =>
    action.run(async () => {
      const before = item.text;
      const sent = await store.track<PreparationItem>(
        field,
        text,
        writes.changePreparation(store.id, item.id, text, item.version),
        (changed) => ({
          label: "ui.meeting.undo.prep_changed",
          run: () => store.run(writes.changePreparation(store.id, item.id, before, changed.version)),
        }),
      );
      // Refused, or waiting for the connection: the edit stays open with the text and why.
      if (sent && !sent.queued) setEditing(false);
    });
  const remove = () =>
    action.run(() =>
      store.run(writes.removePreparation(store.id, item.id), () => ({
        label: "ui.meeting.undo.prep_removed",
        run: () => store.run(writes.addPreparation(store.id, item.prompt_key, item.text)),
      })),
    );
  const promote = () =>
    action.run(() => {
      if (target === null) return Promise.resolve(undefined);
      return store.run<{ agenda_item: AgendaItemFull }>(writes.promote(store.id, item.id, target), (result) => {
        const point = [...result.agenda_item.talking_points].reverse().find((p) => p.from_preparation && p.text === item.text);
        return point
          ? {
              label: "ui.meeting.undo.promoted",
              run: () => store.run(writes.removeTalkingPoint(store.id, target, point.id)),
            }
          : null;
      });
    });

  return (
    <li class="prep-item" data-testid="prep-item" data-promoted={item.promoted ? "yes" : "no"}>
      {editing ? (
        <>
          <Field label={t("ui.meeting.prep.edit_label")} value={text} onInput={setText} multiline rows={3} {...noticeProps(field, status)}>
            <FieldNotice field={field} />
          </Field>
          <div class="button-row">
            <button
              type="button"
              class="button button-primary"
              disabled={action.busy || !text.trim() || status?.kind === "waiting"}
              onClick={save}
            >
              {t("ui.meeting.save_button")}
            </button>
            <button
              type="button"
              class="button"
              onClick={() => {
                setText(item.text);
                setEditing(false);
                if (status?.kind === "refused") store.clearField(field);
              }}
            >
              {t("ui.meeting.cancel")}
            </button>
          </div>
        </>
      ) : (
        <p class="prep-text">{item.text}</p>
      )}
      {item.promoted ? (
        <p class="shared-tag" data-testid="promoted">
          {t("ui.meeting.prep.promoted", { item: promotedTo ? localised(promotedTo.title, language) : "" })}
        </p>
      ) : (
        !editing && (
          <div class="promote">
            <label for={selectId} class="hint">
              {t("ui.meeting.prep.promote_to")}
            </label>
            <select
              id={selectId}
              class="input"
              value={target ?? ""}
              onChange={(event) => setTarget(Number(event.currentTarget.value))}
            >
              {sorted.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {localised(entry.title, language)}
                </option>
              ))}
            </select>
            <button type="button" class="button button-primary" disabled={action.busy || !item.text.trim()} onClick={promote}>
              {t("ui.meeting.prep.promote")}
            </button>
          </div>
        )
      )}
      {!editing && (
        <div class="button-row">
          {!item.promoted && (
            <button type="button" class="button button-subtle button-small" onClick={() => setEditing(true)}>
              {t("ui.meeting.edit")}
            </button>
          )}
          <button type="button" class="button button-subtle button-small" disabled={action.busy} onClick={remove}>
            {t("ui.meeting.remove")}
          </button>
        </div>
      )}
      <InlineError message={action.error} />
    </li>
  );
}
