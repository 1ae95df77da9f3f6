/** The shared notes of one agenda item, saved as the person types (PATCH with the version they are
 * based on). When the other person saved first (409), both texts are shown and the person picks
 * one or combines them: nothing is silently overwritten. Offline, the latest text waits in the
 * outbox and is sent when the connection is back (a conflict then is merged the same way).
 *
 * Kept in its own module: the CRDT notes (docs/live.md) replace this editor without touching the rest. */
import { useEffect, useRef, useState } from "preact/hooks";

import { ApiError } from "../../../lib/api";
import { useTexts } from "../../../lib/i18n";
import type { AgendaItemFull } from "../../../lib/meeting/types";
import { writes } from "../../../lib/meeting/writes";
import { describeError } from "../../errors";
import { useMeeting } from "../context";
import { alreadyApplied } from "../store";
import { InlineError, useId } from "../ui";
import { combine } from "./merge";

const SAVE_AFTER_MS = 700;

interface Conflict {
  theirs: string;
  version: number;
}

export function NotesEditor({ item }: { item: AgendaItemFull }) {
  const texts = useTexts();
  const { t } = texts;
  const [state, store] = useMeeting();
  const id = useId("notes");
  // A merge left undecided when this item was closed comes back with it.
  const [stashed] = useState(() => {
    const draft = store.noteDrafts.get(item.id) ?? null;
    store.noteDrafts.delete(item.id);
    return draft;
  });
  const [text, setText] = useState(stashed?.text ?? item.notes);
  const [conflict, setConflictState] = useState<Conflict | null>(stashed?.conflict ?? null);
  // Read by the save that a timer started in an earlier render: a ref, not the render's state.
  const conflictRef = useRef<Conflict | null>(stashed?.conflict ?? null);
  const setConflict = (next: Conflict | null) => {
    conflictRef.current = next;
    setConflictState(next);
  };
  const [error, setError] = useState<string | null>(null);
  const base = useRef(stashed?.base ?? { version: item.version, text: item.notes });
  const latest = useRef(text);
  latest.current = text;
  const saving = useRef(false);
  const timer = useRef<number | null>(null);
  const before = useRef<string | null>(null); // the text before this round of editing (for undo)
  const key = writes.notes(store.id, item.id, "", 0).coalesce ?? `notes:${item.id}`;
  const other = state.role === "manager" ? state.data.conversation.employee : state.data.conversation.manager;

  // Someone else's saved change arrives: take it when I have nothing unsaved.
  useEffect(() => {
    if (item.version > base.current.version && latest.current === base.current.text && !conflictRef.current && !saving.current) {
      base.current = { version: item.version, text: item.notes };
      setText(item.notes);
    }
  }, [item.version, item.notes]);

  // A queued change that went through later, or was refused (409): continue from there.
  useEffect(() => {
    const offDelivered = store.outbox.onDelivered((write, result) => {
      if (write.coalesce !== key) return;
      const saved = result as AgendaItemFull;
      base.current = { version: saved.version, text: saved.notes };
    });
    const offFailed = store.outbox.onFailed((write, failure) => {
      if (write.coalesce !== key) return;
      if (alreadyApplied(write, failure)) {
        const current = failure.current as AgendaItemFull;
        base.current = { version: current.version, text: current.notes };
      } else if (failure.status === 409 && failure.current) {
        const current = failure.current as AgendaItemFull;
        setConflict({ theirs: current.notes, version: current.version });
      } else {
        setError(describeError(failure, texts));
      }
    });
    return () => {
      offDelivered();
      offFailed();
    };
  }, [store, key]);

  // Leaving the item (or the page) with unsaved text: hand it to the outbox now.
  useEffect(
    () => () => {
      if (conflictRef.current) {
        store.noteDrafts.set(item.id, { text: latest.current, base: base.current, conflict: conflictRef.current });
        return;
      }
      if (timer.current !== null) {
        window.clearTimeout(timer.current);
        timer.current = null;
        void save();
      }
    },
    [],
  );

  const save = async (): Promise<void> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const sending = latest.current;
    if (saving.current || conflictRef.current) return;
    if (sending === base.current.text) {
      store.setUnsent(key, false);
      return;
    }
    saving.current = true;
    store.setUnsent(key, false);
    setError(null);
    try {
      const sent = await store.outbox.send<AgendaItemFull>(writes.notes(store.id, item.id, sending, base.current.version));
      if (sent.queued) return;
      const previous = before.current ?? base.current.text;
      base.current = { version: sent.value.version, text: sent.value.notes };
      store.offerUndo({
        label: "ui.meeting.undo.notes",
        run: async () => {
          const restored = await store.outbox.send<AgendaItemFull>(
            writes.notes(store.id, item.id, previous, base.current.version),
          );
          if (!restored.queued) base.current = { version: restored.value.version, text: restored.value.notes };
          setText(previous);
          before.current = null;
        },
      });
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409 && failure.current) {
        const current = failure.current as AgendaItemFull;
        setConflict({ theirs: current.notes, version: current.version });
      } else {
        setError(describeError(failure, texts));
      }
    } finally {
      saving.current = false;
    }
    if (latest.current !== base.current.text && !timer.current) schedule();
  };

  const schedule = () => {
    store.setUnsent(key, true);
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(), SAVE_AFTER_MS);
  };

  const onInput = (value: string) => {
    if (before.current === null) before.current = base.current.text;
    setText(value);
    latest.current = value;
    if (!conflictRef.current) schedule();
  };

  const resolve = (chosen: string) => {
    const current = conflictRef.current;
    if (!current) return;
    base.current = { version: current.version, text: current.theirs };
    setConflict(null);
    setText(chosen);
    latest.current = chosen;
    // Saved at once (unless it is their text unchanged, which is saved already).
    void save();
  };

  return (
    <div class="notes" data-testid="notes" data-item-id={item.id}>
      <label for={id} class="sub-title">
        {t("ui.meeting.notes.label")}
      </label>
      <p id={`${id}-hint`} class="hint">
        {t("ui.meeting.notes.hint", { name: other.display_name })}
      </p>
      {conflict && (
        <div class="merge" role="group" aria-labelledby={`${id}-conflict`} data-testid="notes-conflict">
          <p id={`${id}-conflict`} class="merge-title" role="alert">
            {t("ui.meeting.notes.conflict", { name: other.display_name })}
          </p>
          <p class="sub-title">{t("ui.meeting.notes.mine")}</p>
          <p class="merge-text" data-testid="notes-mine">
            {text}
          </p>
          <p class="sub-title">{t("ui.meeting.notes.theirs", { name: other.display_name })}</p>
          <p class="merge-text" data-testid="notes-theirs">
            {conflict.theirs}
          </p>
          <div class="button-row">
            <button type="button" class="button button-primary" onClick={() => resolve(combine(conflict.theirs, text))}>
              {t("ui.meeting.notes.keep_both")}
            </button>
            <button type="button" class="button" onClick={() => resolve(text)}>
              {t("ui.meeting.notes.keep_mine")}
            </button>
            <button type="button" class="button" onClick={() => resolve(conflict.theirs)}>
              {t("ui.meeting.notes.keep_theirs")}
            </button>
          </div>
        </div>
      )}
      <textarea
        id={id}
        class="input textarea notes-input"
        rows={5}
        value={text}
        aria-describedby={`${id}-hint`}
        onInput={(event) => onInput(event.currentTarget.value)}
        onBlur={() => void save()}
      />
      {item.notes_removed && <p class="hint">{t("ui.meeting.notes.removed")}</p>}
      <InlineError message={error} />
    </div>
  );
}
