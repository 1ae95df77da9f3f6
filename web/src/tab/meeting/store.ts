/** One conversation as the tab holds it: the parts loaded from the API, the live channel, the
 * outbox, the shared position and who else is here, and the last change (to undo it).
 * Components read it with `useMeeting()` and re-render when it changes. */
import type { Api, ApiError } from "../../lib/api";
import { type LiveEvent, LiveChannel, type LiveStatus, PresenceBeacon } from "../../lib/live";
import { reads } from "../../lib/meeting/reads";
import type {
  Agreement,
  ConsentItem,
  ConversationFull,
  DevelopmentAction,
  FeedbackEntry,
  FollowUp,
  Goal,
  Part,
  Party,
  Position,
  PreparationItem,
  Presence,
  Prompt,
  Pulse,
} from "../../lib/meeting/types";
import { type Write, writes } from "../../lib/meeting/writes";
import { Outbox, type SaveState, type Sent } from "../../lib/outbox";
import { type FieldMap, type FieldStatus, KeptFields, refusalOf } from "./fields";
import type { NoteSync } from "./notes/sync";

/** The shared notes need Yjs (a third of the tab's code): loaded when an item's notes are first shown. */
const loadNoteSync = () => import("./notes/sync").then((module) => module.NoteSync);

export interface Loaded {
  conversation: ConversationFull;
  preparation?: PreparationItem[];
  goals?: Goal[];
  actions?: DevelopmentAction[];
  feedback?: FeedbackEntry[];
  pulses?: Pulse[];
  consent?: ConsentItem[];
  followUps?: FollowUp[];
  agreement?: Agreement;
  position?: Position;
}

/** What the other person is typing in a goal or action before saving it (live, never stored). */
export interface Draft {
  record: "goal" | "action";
  key: string;
  /** The goal or action being changed; null for a new one. */
  id: number | null;
  by: string;
  display_name: string;
  fields: Record<string, unknown>;
}

export interface Undo {
  /** What the last change was, for the undo button ("Talking point added"). */
  label: string;
  run: () => Promise<unknown>;
}

export interface MeetingState {
  data: Loaded;
  prompts: Prompt[] | null;
  role: Party;
  myObjectId: string;
  live: LiveStatus;
  /** "refused": a change was refused and is not saved (shown in its field, or as `failure`). */
  save: SaveState | "refused";
  pending: number;
  /** The other people here now (not me). */
  others: Presence[];
  /** The agenda item open in this tab (one at a time). */
  viewing: number | null;
  /** Whether this tab follows the shared position. */
  following: boolean;
  undo: Undo | null;
  /** A change outside a tracked field that was refused (`queued`: after waiting in the outbox). */
  failure: { message: string; error?: ApiError; queued?: boolean } | null;
  /** Fields whose last change is not saved: refused, or waiting for the connection (fields.ts). */
  fields: FieldMap;
  /** Goals and actions the others are writing now (not saved yet). */
  drafts: Draft[];
}

const POLL_MS = 4000;

const LOADERS: { [K in Exclude<Part, "conversation">]: (api: Api, id: number) => Promise<Loaded[K]> } = {
  preparation: reads.preparation,
  goals: reads.goals,
  actions: reads.actions,
  feedback: reads.feedback,
  pulses: reads.pulses,
  consent: reads.consent,
  followUps: reads.followUps,
  agreement: reads.agreement,
  position: reads.position,
};

type PresenceChange = Presence & { present?: boolean };

/** Which parts a live event changes. */
export function partsFor(kind: string): Part[] {
  const area = kind.split(".")[0];
  switch (area) {
    case "agenda_item":
    case "talking_point":
    case "notes":
    case "conversation":
      return ["conversation"];
    case "goal":
      return ["goals"];
    case "action":
      return ["actions"];
    case "feedback":
      return ["feedback"];
    case "wellbeing":
      return ["pulses"];
    case "consent":
      return ["consent"];
    case "follow_up":
      return ["followUps"];
    case "agreement":
      return ["agreement", "conversation"];
    case "position":
      return ["position"];
    case "presence":
    case "draft":
      return [];
    default:
      return ["conversation"];
  }
}

/** A 409 whose current state already holds every field the write sent (docs/live.md: treat it as
 * success: the first attempt was applied and only its answer was lost). */
export function alreadyApplied(write: Write, error: ApiError): boolean {
  if (error.status !== 409 || !error.current || typeof write.body !== "object" || write.body === null) return false;
  const current = error.current as Record<string, unknown>;
  return Object.entries(write.body as Record<string, unknown>)
    .filter(([field]) => field !== "version" && field !== "base")
    .every(([field, value]) => JSON.stringify(current[field] ?? null) === JSON.stringify(value ?? null));
}

/** The text a queued write carried (to keep it with its field when it is refused later). */
function textOf(body: unknown): string | null {
  if (!body || typeof body !== "object") return null;
  const { text, comment } = body as { text?: unknown; comment?: unknown };
  return typeof text === "string" ? text : typeof comment === "string" ? comment : null;
}

export class MeetingStore {
  state: MeetingState;
  readonly outbox: Outbox;
  private readonly listeners = new Set<() => void>();
  private readonly loading = new Map<Part, Promise<void>>();
  private readonly stale = new Set<Part>();
  private live: LiveChannel | null = null;
  private presence: PresenceBeacon | null = null;
  private poller: number | null = null;
  private disposers: (() => void)[] = [];
  /** Presence changes heard while a presence list is being read (one list per read in flight). */
  private readonly presenceWaiters = new Set<PresenceChange[]>();
  /** The shared notes of the items opened so far (CRDT documents, kept for the whole meeting). */
  private readonly noteSyncs = new Map<number, NoteSync>();
  /** The notes being set up (their code loading): one per item. */
  private readonly noteLoads = new Map<number, Promise<NoteSync>>();
  private disposed = false;
  /** Edits typed but not sent yet (the notes wait for a pause in typing): shown as "saving". */
  private readonly unsent = new Set<string>();
  /** The refused fields' texts, kept across a reload of the tab. */
  private readonly kept: KeptFields;
  /** When each draft shown is gone unless refreshed (its sender's tab may have closed). */
  private readonly draftExpiry = new Map<string, number>();

  constructor(
    readonly api: Api,
    conversation: ConversationFull,
    myObjectId: string,
  ) {
    const role: Party = conversation.manager.object_id === myObjectId ? "manager" : "employee";
    this.outbox = new Outbox(api, `mus.outbox.${myObjectId}`);
    this.kept = new KeptFields(`mus.refused.${myObjectId}.${conversation.id}`);
    const fields = this.kept.load();
    this.state = {
      data: { conversation },
      prompts: null,
      role,
      myObjectId,
      live: "connecting",
      save: this.outbox.state,
      pending: this.outbox.pending,
      others: [],
      viewing: null,
      following: true,
      undo: null,
      failure: null,
      fields,
      drafts: [],
    };
    this.updateSave();
  }

  get id(): number {
    return this.state.data.conversation.id;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(change: Partial<MeetingState>): void {
    this.state = { ...this.state, ...change };
    this.listeners.forEach((listener) => listener());
  }

  private setData(change: Partial<Loaded>): void {
    this.set({ data: { ...this.state.data, ...change } });
  }

  // --- starting and stopping ------------------------------------------------------------------

  /** Opens the live channel and announces presence (surfaces in the meeting and the tab). */
  connect(): void {
    this.disposers.push(
      this.outbox.subscribe(() => this.updateSave()),
      this.outbox.onDelivered((write) => {
        write.touches.forEach((part) => this.reload(part));
        // A field's change that waited for the connection is saved (unless more of it still waits).
        const field = write.field;
        if (field && this.state.fields[field]?.kind === "waiting" && !this.outbox.queue().some((queued) => queued.field === field)) {
          this.clearField(field);
        }
      }),
      this.outbox.onFailed((write, error) => {
        const notes = /^notes:\d+:(\d+)$/.exec(write.coalesce ?? "");
        if (notes) {
          // A queued notes update refused once sent: its document recovers (or shows why not).
          void this.notes(Number(notes[1])).then((sync) => sync.failed(error));
          return;
        }
        write.touches.forEach((part) => this.reload(part));
        // A retried change whose first attempt went through: the server holds what we sent.
        if (alreadyApplied(write, error)) {
          if (write.field && this.state.fields[write.field]?.kind === "waiting") this.clearField(write.field);
          return;
        }
        if (write.field) {
          this.refuse(write.field, error, this.state.fields[write.field]?.text ?? textOf(write.body));
          return;
        }
        this.set({ failure: { message: error.message, error, queued: true } });
        this.updateSave();
      }),
    );
    this.outbox.start();
    this.live = new LiveChannel(this.api, this.id, {
      onEvent: (event) => this.onLiveEvent(event),
      onStatus: (live) => {
        const was = this.state.live;
        this.set({ live });
        if (live === "unavailable") this.startPolling();
        // Live (again): what changed between our reads and the stream's start is not replayed.
        if (live === "live" && was !== "live") this.reloadLoaded();
      },
      onRefresh: () => this.reloadLoaded(),
    });
    this.live.start();
    this.presence = new PresenceBeacon(this.api, this.id);
    this.presence.start();
    void this.ensure("position");
    void this.loadPresence();
  }

  dispose(): void {
    this.disposed = true;
    this.noteSyncs.forEach((sync) => sync.dispose());
    this.noteSyncs.clear();
    this.live?.stop();
    this.presence?.stop();
    if (this.poller !== null) window.clearInterval(this.poller);
    this.disposers.forEach((dispose) => dispose());
    this.outbox.dispose();
    this.unsent.clear();
    this.draftExpiry.forEach((timer) => window.clearTimeout(timer));
    this.draftExpiry.clear();
    this.listeners.clear();
  }

  private startPolling(): void {
    if (this.poller !== null) return;
    this.poller = window.setInterval(() => this.reloadLoaded(), POLL_MS);
  }

  private async loadPresence(): Promise<void> {
    // Changes that arrive while the list is on its way are newer than it, or as new: applied again
    // after it, so a list read before someone came in does not hide them.
    const arrived: PresenceChange[] = [];
    this.presenceWaiters.add(arrived);
    try {
      this.setOthers(await reads.presence(this.api, this.id));
      arrived.forEach((change) => this.applyPresence(change));
    } catch {
      // Presence is a help, never a blocker.
    } finally {
      this.presenceWaiters.delete(arrived);
    }
  }

  private applyPresence(entry: PresenceChange): void {
    if (entry.object_id === this.state.myObjectId) return;
    const others = this.state.others.filter((p) => p.object_id !== entry.object_id);
    this.set({ others: entry.present === false ? others : [...others, entry] });
    // Someone who left writes nothing more: their drafts go with them (not only at their expiry).
    if (entry.present === false) this.set({ drafts: this.state.drafts.filter((d) => d.by !== entry.object_id) });
  }

  private setOthers(all: Presence[]): void {
    this.set({ others: all.filter((p) => p.object_id !== this.state.myObjectId) });
  }

  // --- loading --------------------------------------------------------------------------------

  /** Loads a part once (components call this for what they show). */
  ensure(part: Part): Promise<void> {
    if (part === "conversation" || this.state.data[part] !== undefined) return Promise.resolve();
    return this.reload(part);
  }

  async loadPrompts(): Promise<void> {
    if (this.state.prompts) return;
    this.set({ prompts: await reads.prompts(this.api, this.state.role, this.state.data.conversation.kind) });
  }

  /** Reloads a part; a reload asked for while one runs is done once more afterwards. */
  reload(part: Part): Promise<void> {
    const running = this.loading.get(part);
    if (running) {
      this.stale.add(part);
      return running;
    }
    const run = (async () => {
      try {
        if (part === "conversation") {
          this.setData({ conversation: await reads.conversation(this.api, this.id) });
        } else {
          const value = await LOADERS[part](this.api, this.id);
          this.setData({ [part]: value } as Partial<Loaded>);
          if (part === "position") this.followPosition();
        }
      } catch {
        // Network trouble or a token to renew: the live channel or the poller brings the next attempt.
      } finally {
        this.loading.delete(part);
        if (this.stale.delete(part)) void this.reload(part);
      }
    })();
    this.loading.set(part, run);
    return run;
  }

  reloadLoaded(): void {
    void this.reload("conversation");
    this.noteSyncs.forEach((sync) => void sync.catchUp());
    (Object.keys(LOADERS) as Part[]).forEach((part) => {
      if (this.state.data[part as keyof Loaded] !== undefined) void this.reload(part);
    });
    void this.loadPresence();
  }

  /** A draft of someone else's shown, replaced, or gone (saved, abandoned or expired). */
  private applyDraft(event: LiveEvent): void {
    const data = event.data as unknown as Draft & { ttl_seconds?: number };
    if (data.by === this.state.myObjectId) return;
    const name = `${data.by}:${data.record}:${data.key}`;
    const others = this.state.drafts.filter((d) => `${d.by}:${d.record}:${d.key}` !== name);
    window.clearTimeout(this.draftExpiry.get(name));
    this.draftExpiry.delete(name);
    if (event.kind === "draft.cleared") {
      this.set({ drafts: others });
      return;
    }
    const { ttl_seconds: ttl = 30, ...draft } = data;
    this.set({ drafts: [...others, draft] });
    this.draftExpiry.set(
      name,
      window.setTimeout(() => {
        this.draftExpiry.delete(name);
        this.set({ drafts: this.state.drafts.filter((d) => `${d.by}:${d.record}:${d.key}` !== name) });
      }, ttl * 1000),
    );
  }

  private onLiveEvent(event: LiveEvent): void {
    if (event.kind === "draft.changed" || event.kind === "draft.cleared") {
      this.applyDraft(event);
      return;
    }
    if (event.kind === "presence.changed") {
      const change = event.data as unknown as PresenceChange;
      this.presenceWaiters.forEach((arrived) => arrived.push(change));
      this.applyPresence(change);
      return;
    }
    if (event.kind === "position.changed") {
      const agendaItemId = (event.data.agenda_item_id as number | null | undefined) ?? null;
      this.setData({ position: { ...(this.state.data.position ?? { by: null, at: null }), agenda_item_id: agendaItemId } });
      this.followPosition();
      void this.reload("position"); // who moved it, and when
      return;
    }
    if (event.kind === "notes.update" || (event.kind === "agenda_item.updated" && typeof event.data.update === "string")) {
      const itemId = (event.data.item_id ?? event.data.id) as number;
      const by = typeof event.data.by === "string" && event.data.by !== this.state.myObjectId ? event.data.by : null;
      this.noteSyncs.get(itemId)?.receive(event.data.update as string, by);
      // Only the notes changed: nothing else to reload (an unopened item's notes load when opened).
      if (event.kind === "notes.update") return;
    }
    for (const part of partsFor(event.kind)) {
      if (part === "conversation" || this.state.data[part as keyof Loaded] !== undefined) void this.reload(part);
    }
  }

  // --- the shared notes ---------------------------------------------------------------------------

  /** An item's shared notes if they are set up already (their code loaded), else null. */
  loadedNotes(itemId: number): NoteSync | null {
    return this.noteSyncs.get(itemId) ?? null;
  }

  /** An item's shared notes, loaded once and kept in step for the rest of the meeting. */
  notes(itemId: number): Promise<NoteSync> {
    const ready = this.noteSyncs.get(itemId);
    if (ready) return Promise.resolve(ready);
    let loading = this.noteLoads.get(itemId);
    if (!loading) {
      loading = loadNoteSync().then(
        (NoteSyncClass) => this.startNotes(NoteSyncClass, itemId),
        (error: unknown) => {
          this.noteLoads.delete(itemId); // the next call tries again
          throw error;
        },
      );
      this.noteLoads.set(itemId, loading);
    }
    return loading;
  }

  private startNotes(NoteSyncClass: typeof NoteSync, itemId: number): NoteSync {
    const existing = this.noteSyncs.get(itemId);
    if (existing) return existing;
    const sync = new NoteSyncClass(
      {
        api: this.api,
        outbox: this.outbox,
        conversationId: this.id,
        setUnsent: (key, unsent) => this.setUnsent(key, unsent),
        // Typing stored: the note's refusal is over (not a text kept from before a reload: that
        // stays offered until it is put back or discarded).
        settled: (field, queued, text) => {
          if (queued) this.waitFor(field, text);
          else if (!this.state.fields[field]?.earlier) this.clearField(field);
        },
        refused: (field, failure, text) => this.refuse(field, failure, text),
      },
      itemId,
    );
    this.noteLoads.delete(itemId);
    if (this.disposed) {
      sync.dispose();
      return sync;
    }
    this.noteSyncs.set(itemId, sync);
    void sync.load();
    return sync;
  }

  // --- changes --------------------------------------------------------------------------------

  private updateSave(): void {
    const refused = this.state.failure !== null || Object.values(this.state.fields).some((field) => field.kind === "refused");
    const save = refused ? "refused" : this.outbox.state === "saved" && this.unsent.size ? "saving" : this.outbox.state;
    this.set({ save, pending: this.outbox.pending });
  }

  // --- what became of each field's last change (fields.ts) -------------------------------------------

  /** Saves what was typed in `field` (`text`) with `write`: as `run`, but a refusal is kept with the
   * field (shown next to it, the text kept, also across a reload) instead of thrown, and a change
   * that waits for the connection is shown there too. Null when refused. */
  async track<T>(field: string, text: string | null, write: Write, undo?: (result: T) => Undo | null): Promise<Sent<T> | null> {
    try {
      const sent = await this.send<T>({ ...write, field }, undo);
      if (sent.queued) this.waitFor(field, text);
      else this.clearField(field);
      return sent;
    } catch (error) {
      this.refuse(field, error, text);
      return null;
    }
  }

  /** The server refused the change typed in `field`: not saved, shown there, `text` kept. */
  refuse(field: string, error: unknown, text: string | null): void {
    const failure = refusalOf(error);
    this.setField(field, { kind: "refused", status: failure.status, code: failure.code, message: failure.message, text, at: Date.now() });
  }

  /** The change typed in `field` waits in the outbox for the connection. */
  waitFor(field: string, text: string | null): void {
    if (this.state.fields[field]?.earlier) return; // a text kept from before a reload stays offered
    this.setField(field, { kind: "waiting", status: 0, code: "network", message: "", text, at: Date.now() });
  }

  /** The field's change is saved (or the person discarded what was kept). */
  clearField(field: string): void {
    if (this.state.fields[field]) this.setField(field, null);
  }

  private setField(field: string, status: FieldStatus | null): void {
    const fields = { ...this.state.fields };
    if (status) fields[field] = status;
    else delete fields[field];
    this.kept.save(fields);
    this.set({ fields });
    this.updateSave();
  }

  /** An editor has typed text it has not handed to the outbox yet (or has handed it over). */
  setUnsent(key: string, unsent: boolean): void {
    const had = this.unsent.has(key);
    if (unsent) this.unsent.add(key);
    else this.unsent.delete(key);
    if (had !== unsent) this.updateSave();
  }

  /** Sends a change (now, or queued while offline) and refreshes what it touched. `undo` builds the
   * way back from the server's answer; it is offered until the next change. */
  async run<T>(write: Write, undo?: (result: T) => Undo | null): Promise<Sent<T>> {
    try {
      return await this.send(write, undo);
    } catch (error) {
      // Shown where the person acted (the caller) and in the status bar: never "saved".
      const failure = refusalOf(error);
      this.set({ failure: { message: failure.message, error: failure } });
      this.updateSave();
      throw error;
    }
  }

  private async send<T>(write: Write, undo?: (result: T) => Undo | null): Promise<Sent<T>> {
    const sent = await this.outbox.send<T>(write);
    if (!sent.queued) {
      if (write.answersWithConversation) this.showConversation(sent.value as ConversationFull);
      write.touches.forEach((part) => void this.reload(part));
      this.set({ undo: undo ? undo(sent.value) : null, failure: this.state.failure?.queued ? this.state.failure : null });
      this.updateSave();
    } else {
      this.set({ undo: null });
    }
    return sent;
  }

  /** A conversation the server answered a write with, unless this tab already holds a newer one. */
  private showConversation(conversation: ConversationFull): void {
    if (conversation.version > this.state.data.conversation.version) this.setData({ conversation });
  }

  /** Offers a way back for a change made outside `run` (the notes editor). */
  offerUndo(undo: Undo | null): void {
    this.set({ undo });
  }

  async undoLast(): Promise<void> {
    const undo = this.state.undo;
    if (!undo) return;
    this.set({ undo: null });
    await undo.run();
  }

  dismissFailure(): void {
    this.set({ failure: null });
    this.updateSave();
  }

  // --- the agenda: what I look at, and the shared position ----------------------------------------

  /** Opens an item in this tab. Looking at another item than the shared one stops following. */
  view(itemId: number | null): void {
    const shared = this.state.data.position?.agenda_item_id ?? null;
    const following = itemId !== null && itemId === shared ? true : itemId === null ? this.state.following : false;
    this.set({ viewing: itemId, following });
    this.presence?.update(itemId, following);
  }

  /** Back to the item the meeting is on, following again. */
  follow(): void {
    const shared = this.state.data.position?.agenda_item_id ?? null;
    this.set({ following: true, viewing: shared ?? this.state.viewing });
    this.presence?.update(this.state.viewing, true);
  }

  /** Moves the meeting (both parties) to an item. */
  async moveTo(itemId: number | null): Promise<void> {
    const before = this.state.data.position?.agenda_item_id ?? null;
    this.setData({ position: { ...(this.state.data.position ?? { by: null, at: null }), agenda_item_id: itemId } });
    this.set({ viewing: itemId, following: true });
    this.presence?.update(itemId, true);
    await this.run(writes.position(this.id, itemId), () => ({ label: "ui.meeting.undo.moved", run: () => this.moveTo(before) }));
  }

  private followPosition(): void {
    const shared = this.state.data.position?.agenda_item_id ?? null;
    if (this.state.following && shared !== null && shared !== this.state.viewing) {
      this.set({ viewing: shared });
      this.presence?.update(shared, true);
    }
  }
}
