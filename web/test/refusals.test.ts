/** An honest status (src/tab/meeting/store.ts, fields.ts): a refused change is never "saved"; it
 * stays with its field, with the text typed there, also for the next page (a reload); saved again,
 * it is gone. */
import assert from "node:assert/strict";
import { test } from "node:test";

// The browser globals the store uses, as small stand-ins (this runs in Node).
const storage = new Map<string, string>();
Object.assign(globalThis, {
  window: { addEventListener() {}, removeEventListener() {}, setTimeout: () => 0, clearTimeout() {} },
  document: { getElementsByTagName: () => [] }, // teams-js looks at the page's scripts when loaded
  localStorage: {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => void storage.set(key, value),
    removeItem: (key: string) => void storage.delete(key),
  },
});
if (!("navigator" in globalThis)) Object.assign(globalThis, { navigator: {} });

const { ApiError } = await import("../src/lib/api");
const { MeetingStore } = await import("../src/tab/meeting/store");
const { writes } = await import("../src/lib/meeting/writes");
const { fieldKey } = await import("../src/tab/meeting/fields");

const conversation = {
  id: 7,
  version: 1,
  manager: { object_id: "m", display_name: "Mette" },
  employee: { object_id: "e", display_name: "Jonas" },
  agenda: [],
} as never;

/** An API that answers each request with the next of `answers` (an error is thrown). */
function api(...answers: unknown[]) {
  return {
    request: async () => {
      const answer = answers.shift();
      if (answer instanceof Error) throw answer;
      return answer;
    },
    get: async () => {
      throw new ApiError(0, "network", "not in this test");
    },
  } as never;
}

test("a refused change is shown with its field, kept for the next page, and gone once saved", async () => {
  storage.clear();
  const field = fieldKey.talkingPoint(3);
  const tooLong = new ApiError(413, "text_too_large", "Teksten i text er længere end 65536 bytes.");
  const store = new MeetingStore(api(tooLong), conversation, "e");
  assert.equal(store.state.save, "saved");

  const sent = await store.track(field, "Et langt punkt", writes.addTalkingPoint(7, 3, "Et langt punkt"));
  assert.equal(sent, null);
  assert.equal(store.state.save, "refused");
  assert.deepEqual(
    { kind: store.state.fields[field]?.kind, status: store.state.fields[field]?.status, text: store.state.fields[field]?.text },
    { kind: "refused", status: 413, text: "Et langt punkt" },
  );

  // The next page (a reload) starts with it: not saved, the text offered back.
  const next = new MeetingStore(api({ id: 3, talking_points: [] }), conversation, "e");
  assert.equal(next.state.save, "refused");
  assert.equal(next.state.fields[field]?.text, "Et langt punkt");
  assert.equal(next.state.fields[field]?.earlier, true);

  // Sent again and saved: the notice and the kept text are gone.
  const saved = await next.track(field, "Et kortere punkt", writes.addTalkingPoint(7, 3, "Et kortere punkt"));
  assert.deepEqual(saved, { queued: false, value: { id: 3, talking_points: [] } });
  assert.equal(next.state.fields[field], undefined);
  assert.equal(next.state.save, "saved");
  assert.equal(storage.get("mus.refused.e.7"), undefined);
});

test("a change refused outside a tracked field is not 'saved' either, until dismissed", async () => {
  storage.clear();
  const store = new MeetingStore(api(new ApiError(500, "internal_error", "Noget gik galt")), conversation, "e");
  await assert.rejects(store.run(writes.position(7, 3)));
  assert.equal(store.state.save, "refused");
  store.dismissFailure();
  assert.equal(store.state.save, "saved");
});

test("a change that waits for the connection is shown with its field, not as saved", async () => {
  storage.clear();
  const field = fieldKey.pulse();
  const store = new MeetingStore(api(new ApiError(0, "network", "Failed to fetch")), conversation, "e");
  const sent = await store.track(field, "Travlt", writes.addPulse(7, 4, true, "Travlt"));
  assert.deepEqual(sent, { queued: true });
  assert.equal(store.state.fields[field]?.kind, "waiting");
  assert.equal(store.state.fields[field]?.text, "Travlt");
  assert.equal(store.state.save, "offline");
  // The queued write names its field, so its delivery (or refusal) finds it after a reload.
  assert.equal(store.outbox.queue()[0]?.field, field);
});
