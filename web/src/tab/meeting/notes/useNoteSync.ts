/** An item's shared notes for a component: null while their code (Yjs, a chunk of its own) loads. */
import { useEffect, useState } from "preact/hooks";

import type { MeetingStore } from "../store";
import type { NoteSync } from "./sync";

export function useNoteSync(store: MeetingStore, itemId: number): { sync: NoteSync | null; failure: unknown } {
  const [sync, setSync] = useState<NoteSync | null>(() => store.loadedNotes(itemId));
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    setSync(store.loadedNotes(itemId));
    setFailure(null);
    store.notes(itemId).then(
      (loaded) => live && setSync(loaded),
      (error: unknown) => live && setFailure(error),
    );
    return () => {
      live = false;
    };
  }, [store, itemId]);
  // Until the effect has run for a new item, the state may still hold the previous item's notes.
  return { sync: sync && sync.itemId === itemId ? sync : null, failure };
}
