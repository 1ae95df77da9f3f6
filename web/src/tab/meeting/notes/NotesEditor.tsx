/** The shared notes of one agenda item: both people type in the same text at the same time and both
 * keep what they wrote (a CRDT, see sync.ts). The other person's typing appears as it arrives and
 * the caret stays where it was in the text around it. Ctrl+Z in the field takes back my own typing
 * (never the other person's); offline, what I type waits in the outbox and is sent when back. While
 * the other person types here, a line says so. */
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";

import { useTexts } from "../../../lib/i18n";
import type { AgendaItemFull } from "../../../lib/meeting/types";
import { describeError } from "../../errors";
import { useMeeting } from "../context";
import { noticeId } from "../fields";
import { FieldNotice } from "../FieldNotice";
import { InlineError, useId } from "../ui";
import type { NoteSync } from "./sync";
import { shiftIndex } from "./text";
import { useNoteSync } from "./useNoteSync";

/** How long "… is writing" stays after the other person's last keystroke arrived. */
const TYPING_SHOWN_MS = 2500;

/** The notes' code (Yjs) loads when notes are first shown: until then the text the agenda came with,
 * read-only. */
export function NotesEditor({ item }: { item: AgendaItemFull }) {
  const texts = useTexts();
  const { t } = texts;
  const [state, store] = useMeeting();
  const id = useId("notes");
  const { sync, failure } = useNoteSync(store, item.id);
  if (sync) return <SharedNotes item={item} sync={sync} />;
  const other = state.role === "manager" ? state.data.conversation.employee : state.data.conversation.manager;
  return (
    <div class="notes" data-testid="notes" data-item-id={item.id} data-ready="no">
      <label for={id} class="sub-title">
        {t("ui.meeting.notes.label")}
      </label>
      <p id={`${id}-hint`} class="hint">
        {t("ui.meeting.notes.hint", { name: other.display_name })}
      </p>
      <textarea id={id} class="input textarea notes-input" rows={5} readOnly aria-busy aria-describedby={`${id}-hint`} value={item.notes} />
      <InlineError message={failure ? describeError(failure, texts) : null} />
    </div>
  );
}

function SharedNotes({ item, sync }: { item: AgendaItemFull; sync: NoteSync }) {
  const texts = useTexts();
  const { t } = texts;
  const [state, store] = useMeeting();
  const id = useId("notes");
  const field = useRef<HTMLTextAreaElement>(null);
  const [ready, setReady] = useState(sync.ready);
  const [error, setError] = useState<string | null>(null);
  const [othersTyping, setOthersTyping] = useState(false);
  const typingTimer = useRef<number | null>(null);
  const other = state.role === "manager" ? state.data.conversation.employee : state.data.conversation.manager;
  // A refused change of the note (too long, not allowed…) is shown next to it by FieldNotice, with
  // the text kept; after a reload the text kept from before is offered back.
  const notice = state.fields[sync.field];
  const restore = (text: string) => {
    const element = field.current;
    if (!element || !ready) return;
    element.value = text;
    sync.edit(text, text.length);
    store.clearField(sync.field);
    // Sent as typing: refused again if it still cannot be saved (shown here again).
  };

  useEffect(
    () =>
      sync.subscribe({
        onReady: () => setReady(true),
        onChange: (text, delta) => {
          const element = field.current;
          if (!element || element.value === text) return;
          // Setting the value puts the caret at the end: put it back where it was in the text around
          // it (also when the field is not focused: it comes back there when it is).
          const [start, end, direction] = [element.selectionStart, element.selectionEnd, element.selectionDirection];
          element.value = text;
          if (delta) element.setSelectionRange(shiftIndex(delta, start), shiftIndex(delta, end), direction ?? undefined);
        },
        onError: (failure) => setError(describeError(failure, texts)),
        onSaved: () =>
          store.offerUndo({ label: "ui.meeting.undo.notes", run: async () => sync.undoTyping() }),
        onRemoteTyping: () => {
          setOthersTyping(true);
          if (typingTimer.current !== null) window.clearTimeout(typingTimer.current);
          typingTimer.current = window.setTimeout(() => setOthersTyping(false), TYPING_SHOWN_MS);
        },
      }),
    [sync],
  );
  useEffect(
    () => () => {
      if (typingTimer.current !== null) window.clearTimeout(typingTimer.current);
    },
    [],
  );

  // The field shows the shared text once it is loaded (until then, the text the agenda came with).
  useLayoutEffect(() => {
    const element = field.current;
    if (element) element.value = ready ? sync.value : item.notes;
  }, [ready]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === "z" || key === "y") {
      event.preventDefault();
      if (key === "y" || event.shiftKey) sync.redoTyping();
      else sync.undoTyping();
    }
  };

  return (
    <div class="notes" data-testid="notes" data-item-id={item.id} data-ready={ready ? "yes" : "no"}>
      <label for={id} class="sub-title">
        {t("ui.meeting.notes.label")}
      </label>
      <p id={`${id}-hint`} class="hint">
        {t("ui.meeting.notes.hint", { name: other.display_name })}
      </p>
      <textarea
        ref={field}
        id={id}
        class="input textarea notes-input"
        rows={5}
        readOnly={!ready}
        aria-busy={!ready}
        aria-describedby={notice ? `${id}-hint ${noticeId(sync.field)}` : `${id}-hint`}
        aria-invalid={notice?.kind === "refused" ? "true" : undefined}
        onInput={(event) => {
          setError(null);
          sync.edit(event.currentTarget.value, event.currentTarget.selectionEnd);
        }}
        onKeyDown={onKeyDown}
      />
      {/* Always there (hidden when quiet), so the page does not jump as it comes and goes; not read
          out, as it changes with every pause in the other person's typing. */}
      <p class="hint notes-typing" data-testid="notes-typing" data-active={othersTyping ? "yes" : "no"} aria-hidden="true">
        {t("ui.meeting.notes.typing", { name: other.display_name })}
      </p>
      {item.notes_removed && <p class="hint">{t("ui.meeting.notes.removed")}</p>}
      <FieldNotice
        field={sync.field}
        current={ready ? sync.value : undefined}
        onRestore={notice?.earlier && ready ? restore : undefined}
        discardable={false}
      />
      {!notice && <InlineError message={error} />}
    </div>
  );
}
