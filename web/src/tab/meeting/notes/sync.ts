/** One agenda item's shared notes as a CRDT (docs/live.md): a Yjs document whose Text "notes" both
 * tabs edit. What I type becomes Yjs updates, sent one batch at a time through the outbox (so an
 * update made offline waits in localStorage, is kept across a reload and is sent once, with its
 * Idempotency-Key, when the connection is back). The other person's updates arrive on the live
 * channel. Updates merge whatever their order and applying one twice changes nothing, so two people
 * typing in the same note at the same moment both keep their text.
 *
 * Lives in the meeting store for the whole meeting (not in the editor), so that closing an item while
 * a batch is on its way loses nothing. */
import * as Y from "yjs";

import { ApiError } from "../../../lib/api";
import { type NotesState, reads } from "../../../lib/meeting/reads";
import { noteKey, type Write, writes } from "../../../lib/meeting/writes";
import type { Outbox } from "../../../lib/outbox";
import type { Api } from "../../../lib/api";
import { fieldKey } from "../fields";
import { type Delta, editBetween } from "./text";

/** Transactions from the server (the first load, the live channel, a catch-up): not sent back. */
const FROM_SERVER = "server";
/** Updates already waiting in the outbox (after a reload): shown, not sent again. */
const FROM_OUTBOX = "outbox";
/** What I type. */
const TYPED = "typed";

/** Typing is sent in batches: the first keystroke after a pause at once, then at most every so often. */
const BATCH_MS = 120;

export interface NoteListener {
  /** The text changed other than by my typing (the other person, a catch-up, undo): `delta` says how. */
  onChange(text: string, delta: Delta | null): void;
  onReady(): void;
  onError(failure: ApiError): void;
  /** I typed something and it has been stored on the server (for the undo offer). */
  onSaved(): void;
  /** Someone else's typing changed the text (`by`: their object id). */
  onRemoteTyping?(by: string): void;
}

export interface NoteHost {
  api: Api;
  outbox: Outbox;
  conversationId: number;
  /** Whether typed text is still waiting to be sent (shown as "saving"). */
  setUnsent(key: string, unsent: boolean): void;
  /** What became of a batch of typing in the field `field`: stored (`queued` false), or waiting in
   * the outbox for the connection; `text` is the note as typed. */
  settled?(field: string, queued: boolean, text: string): void;
  /** The server refused typing in the field `field` (too long, not allowed…): `text` is the note as
   * typed, kept by the host (the field keeps it too). */
  refused?(field: string, failure: ApiError, text: string): void;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

type UpdateBody = { update: string };

/** The Yjs update a queued notes write carries. */
const updateOf = (body: unknown): Uint8Array => fromBase64((body as UpdateBody).update);

/** The body of queued notes updates merged into one. */
function mergeBodies(older: unknown[], newer: unknown): UpdateBody {
  return { update: toBase64(Y.mergeUpdates([...older, newer].map(updateOf))) };
}

/** An update that carries nothing (no new items, no deletions). */
function isEmpty(update: Uint8Array): boolean {
  return update.length <= 2 && update.every((byte) => byte === 0);
}

export class NoteSync {
  readonly doc = new Y.Doc();
  readonly text: Y.Text;
  readonly undo: Y.UndoManager;
  ready = false;
  private readonly key: string;
  private readonly listeners = new Set<NoteListener>();
  private unsent: Uint8Array[] = [];
  /** The batch on its way to the server (until it is answered or queued): one at a time. */
  private inFlight: Uint8Array | null = null;
  private timer: number | null = null;
  private loading: Promise<void> | null = null;
  private catchingUp: Promise<NotesState | null> | null = null;
  private disposed = false;
  /** Recoveries from missing history in a row: a guard against a loop if the server keeps refusing. */
  private recoveries = 0;
  /** Where my last typing ended (moves with the other person's edits). */
  private lastEdit: Y.RelativePosition | null = null;

  constructor(
    private readonly host: NoteHost,
    readonly itemId: number,
  ) {
    this.key = noteKey(host.conversationId, itemId);
    this.text = this.doc.getText("notes");
    this.undo = new Y.UndoManager(this.text, { trackedOrigins: new Set([TYPED]), captureTimeout: 600 });
    this.doc.on("update", this.onUpdate);
    this.text.observe(this.onText);
    window.addEventListener("pagehide", this.keepForNextPage);
  }

  get value(): string {
    return this.text.toString();
  }

  subscribe(listener: NoteListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.disposed = true;
    window.removeEventListener("pagehide", this.keepForNextPage);
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    void this.send(); // what is typed goes to the outbox (kept there if it cannot be sent now)
    this.listeners.clear();
    this.undo.destroy();
  }

  // --- from the server ---------------------------------------------------------------------------

  /** The document as the server has it, then what still waits in the outbox (after a reload). */
  load(): Promise<void> {
    this.loading ??= (async () => {
      for (let attempt = 0; ; attempt += 1) {
        try {
          const state = await reads.notes(this.host.api, this.host.conversationId, this.itemId);
          Y.applyUpdate(this.doc, fromBase64(state.state), FROM_SERVER);
          break;
        } catch (failure) {
          if (this.disposed) return;
          if (failure instanceof ApiError && !failure.isNetwork) {
            this.listeners.forEach((listener) => listener.onError(failure));
            return;
          }
          await new Promise((resolve) => window.setTimeout(resolve, Math.min(1000 * 2 ** attempt, 8000)));
        }
      }
      for (const queued of this.host.outbox.queue()) {
        if (queued.coalesce === this.key) Y.applyUpdate(this.doc, updateOf(queued.body), FROM_OUTBOX);
      }
      this.ready = true;
      this.listeners.forEach((listener) => listener.onReady());
    })();
    return this.loading;
  }

  /** An update from the live channel (mine come back too: applying them again changes nothing). */
  receive(update: string, by: string | null = null): void {
    const before = this.ready ? this.value : null;
    try {
      Y.applyUpdate(this.doc, fromBase64(update), FROM_SERVER);
    } catch {
      void this.catchUp();
      return;
    }
    if (by !== null && before !== null && before !== this.value) {
      this.listeners.forEach((listener) => listener.onRemoteTyping?.(by));
    }
    // It builds on something this tab has not seen (an event missed): fetch what is missing.
    if (this.doc.store.pendingStructs || this.doc.store.pendingDs) void this.catchUp();
  }

  /** Fetches what the server has and this tab lacks (after a reconnect, or a gap). */
  catchUp(): Promise<NotesState | null> {
    if (!this.ready) return this.load().then(() => null);
    this.catchingUp ??= (async () => {
      try {
        const state = await reads.notes(this.host.api, this.host.conversationId, this.itemId, toBase64(Y.encodeStateVector(this.doc)));
        Y.applyUpdate(this.doc, fromBase64(state.state), FROM_SERVER);
        return state;
      } catch {
        return null; // offline: the next reconnect tries again
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  // --- typing ------------------------------------------------------------------------------------

  /** The text field now holds `value` (caret at `cursor`): the same edit on the shared text. */
  edit(value: string, cursor: number | null): void {
    if (!this.ready) return;
    const change = editBetween(this.value, value, cursor);
    if (!change) return;
    // Undo takes back a stretch of typing in one place: typing somewhere else starts a new step.
    const last = this.lastEdit && Y.createAbsolutePositionFromRelativePosition(this.lastEdit, this.doc);
    if (!last || (change.index !== last.index && change.index + change.remove !== last.index)) this.undo.stopCapturing();
    this.doc.transact(() => {
      if (change.remove) this.text.delete(change.index, change.remove);
      if (change.insert) this.text.insert(change.index, change.insert);
    }, TYPED);
    this.lastEdit = Y.createRelativePositionFromTypeIndex(this.text, change.index + change.insert.length);
  }

  undoTyping(): void {
    this.undo.undo();
  }

  redoTyping(): void {
    this.undo.redo();
  }

  private onText = (event: Y.YTextEvent, transaction: Y.Transaction): void => {
    if (transaction.origin === TYPED) return; // the text field holds it already
    const delta = event.delta as Delta;
    const text = this.value;
    this.listeners.forEach((listener) => listener.onChange(text, delta));
  };

  private onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === FROM_SERVER || origin === FROM_OUTBOX) return;
    this.unsent.push(update);
    this.host.setUnsent(this.key, true);
    if (this.inFlight || this.timer !== null) return;
    this.timer = window.setTimeout(() => {
      this.timer = null;
      void this.send();
    }, BATCH_MS);
  };

  /** Sends what was typed since the last batch: one batch at a time, because a later update builds
   * on the earlier one and the server refuses an update whose history it lacks. */
  private async send(): Promise<void> {
    if (this.inFlight || !this.unsent.length) return;
    const typed = this.unsent;
    this.unsent = [];
    try {
      this.inFlight = Y.mergeUpdates(typed);
      const sent = await this.host.outbox.send(this.write(this.inFlight));
      if (!sent.queued) {
        this.recoveries = 0;
        this.listeners.forEach((listener) => listener.onSaved());
      }
      if (!this.unsent.length) this.host.settled?.(this.field, sent.queued, this.value);
    } catch (failure) {
      await this.failed(failure instanceof ApiError ? failure : new ApiError(0, "unexpected", String(failure)));
    } finally {
      this.inFlight = null;
      if (this.unsent.length) void this.send();
      else this.host.setUnsent(this.key, false);
    }
  }

  /** The write of an update. Queued, it is merged with this note's update already queued (the outbox
   * keeps one per note), whichever of them was made first: nothing queued is ever replaced by less. */
  private write(update: Uint8Array): Write {
    return { ...writes.noteUpdate(this.host.conversationId, this.itemId, toBase64(update)), merge: mergeBodies, field: this.field };
  }

  /** The field key of this note (fields.ts). */
  get field(): string {
    return fieldKey.notes(this.itemId);
  }

  /** The page is going away (closed, reloaded) with typing not yet answered: keep it in the stored
   * queue, so the next page sends it. Sent twice if the answer was only lost: that changes nothing. */
  private keepForNextPage = (): void => {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    const pending = [...(this.inFlight ? [this.inFlight] : []), ...this.unsent];
    if (!pending.length) return;
    this.host.outbox.keep(this.write(Y.mergeUpdates(pending)));
    // Should the page stay after all (the back-forward cache), the outbox sends them.
    this.unsent = [];
    if (!this.inFlight) this.host.setUnsent(this.key, false);
  };

  /** A batch the server refused. Missing history (it lacks an earlier batch: a lost one, or the
   * note was emptied by the retention run): send everything the server lacks instead. Any other
   * refusal is shown; the text stays in the field. */
  async failed(failure: ApiError): Promise<void> {
    if (failure.status === 409 && failure.code === "notes_update_missing_history" && this.recoveries < 3) {
      this.recoveries += 1;
      await this.load();
      const server = await this.catchUp();
      if (!server) return;
      const missing = Y.encodeStateAsUpdate(this.doc, fromBase64(server.state_vector));
      if (!isEmpty(missing)) {
        this.unsent.push(missing);
        if (!this.inFlight) void this.send();
      }
      return;
    }
    this.host.refused?.(this.field, failure, this.value);
    this.listeners.forEach((listener) => listener.onError(failure));
  }
}
