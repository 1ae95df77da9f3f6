/** The shared notes' code (Yjs) is loaded when notes are first shown (src/tab/meeting/store.ts): one
 * NoteSync per item however many ask at once, none kept after the meeting is closed. */
import assert from "node:assert/strict";
import { test } from "node:test";

// The browser globals the store uses, as small stand-ins (this runs in Node).
Object.assign(globalThis, {
  window: { addEventListener() {}, removeEventListener() {}, setTimeout: () => 0, clearTimeout() {} },
  document: { getElementsByTagName: () => [] },
  localStorage: { getItem: () => null, setItem() {}, removeItem() {} },
});
if (!("navigator" in globalThis)) Object.assign(globalThis, { navigator: {} });

const { ApiError } = await import("../src/lib/api");
const { MeetingStore } = await import("../src/tab/meeting/store");

const conversation = {
  id: 7,
  version: 1,
  manager: { object_id: "m", display_name: "Mette" },
  employee: { object_id: "e", display_name: "Jonas" },
  agenda: [],
} as never;

const offline = {
  request: async () => {
    throw new ApiError(0, "network", "offline");
  },
  get: async () => {
    throw new ApiError(0, "network", "offline");
  },
} as never;

test("an item's notes are set up once, on first use, and not after the store is disposed", async () => {
  const store = new MeetingStore(offline, conversation, "e");
  assert.equal(store.loadedNotes(3), null);
  const [first, second] = await Promise.all([store.notes(3), store.notes(3)]);
  assert.equal(first, second);
  assert.equal(first.itemId, 3);
  assert.equal(store.loadedNotes(3), first);
  assert.notEqual(await store.notes(4), first);

  const pending = store.notes(5);
  store.dispose();
  const late = await pending;
  assert.equal(late.itemId, 5);
  assert.equal(store.loadedNotes(5), null);
});
