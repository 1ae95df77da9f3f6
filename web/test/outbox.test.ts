/** The outbox with the notes' updates (src/lib/outbox.ts, src/tab/meeting/notes/sync.ts): a queued
 * update is never replaced by one that holds less, whichever was queued first. */
import assert from "node:assert/strict";
import { test } from "node:test";

import * as Y from "yjs";

// The browser globals the outbox uses, as small stand-ins (this runs in Node).
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
const { Outbox } = await import("../src/lib/outbox");
const { writes } = await import("../src/lib/meeting/writes");
const { fromBase64, toBase64 } = await import("../src/tab/meeting/notes/sync");

type Body = { update: string };

function merge(older: unknown[], newer: unknown): Body {
  return { update: toBase64(Y.mergeUpdates([...older, newer].map((body) => fromBase64((body as Body).update)))) };
}

/** A Yjs update typing `text` at the end of a document that holds `base`'s updates. */
function typed(base: Uint8Array[], text: string): Uint8Array {
  const doc = new Y.Doc();
  base.forEach((update) => Y.applyUpdate(doc, update));
  const before = Y.encodeStateVector(doc);
  doc.getText("notes").insert(doc.getText("notes").length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  updates.forEach((update) => Y.applyUpdate(doc, update));
  return doc.getText("notes").toString();
}

const offline = {
  request: async () => {
    throw new ApiError(0, "network", "Failed to fetch");
  },
};

test("a batch that fails on its way is merged into the larger one kept as the page went away", async () => {
  storage.clear();
  const outbox = new Outbox(offline as never, "mus.outbox.test");
  const first = typed([], "Sendt ");
  const behind = typed([first], "lige før.");
  // The page goes away: what was on its way and what was typed behind it are kept together…
  outbox.keep({ ...writes.noteUpdate(1, 2, toBase64(Y.mergeUpdates([first, behind]))), merge });
  // …and then the request on its way fails, and the outbox queues just that batch.
  const sent = await outbox.send({ ...writes.noteUpdate(1, 2, toBase64(first)), merge });
  assert.deepEqual(sent, { queued: true });
  const queue = outbox.queue();
  assert.equal(queue.length, 1);
  assert.equal(textOf([fromBase64((queue[0].body as Body).update)]), "Sendt lige før.");
  assert.ok(queue[0].idempotencyKey);
  assert.equal("merge" in queue[0], false, "the merge function is not stored");
  outbox.dispose();
});

test("offline batches of one note become one queued update holding all of them", async () => {
  storage.clear();
  const outbox = new Outbox(offline as never, "mus.outbox.test");
  const updates: Uint8Array[] = [];
  for (const word of ["Et ", "to ", "tre."]) {
    updates.push(typed(updates, word));
    await outbox.send({ ...writes.noteUpdate(1, 2, toBase64(updates[updates.length - 1])), merge });
  }
  // Another note and another kind of write keep their own places in the queue.
  await outbox.send({ ...writes.noteUpdate(1, 3, toBase64(typed([], "Andet punkt"))), merge });
  await outbox.send(writes.position(1, 3));
  const queue = outbox.queue();
  assert.deepEqual(
    queue.map((entry) => entry.path),
    ["/api/conversations/1/agenda/2/notes/updates", "/api/conversations/1/agenda/3/notes/updates", "/api/conversations/1/position"],
  );
  assert.equal(textOf([fromBase64((queue[0].body as Body).update)]), "Et to tre.");
  outbox.dispose();
});

test("a write without a merge still replaces the older one with the same key", async () => {
  storage.clear();
  const outbox = new Outbox(offline as never, "mus.outbox.test");
  await outbox.send(writes.position(1, 3));
  await outbox.send(writes.position(1, 4));
  assert.deepEqual(
    outbox.queue().map((entry) => entry.body),
    [{ agenda_item_id: 4 }],
  );
  outbox.dispose();
});
