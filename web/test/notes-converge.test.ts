/** Two tabs typing in the same note, as the notes editor does it (text field → editBetween → Y.Text,
 * remote deltas → shiftIndex for the caret), with updates delivered late, out of order, merged, and
 * twice: both documents end with the same text, and each person's words stay whole. */
import assert from "node:assert/strict";
import { test } from "node:test";

import fc from "fast-check";
import * as Y from "yjs";

import { type Delta, editBetween, shiftIndex } from "../src/tab/meeting/notes/text";

class Tab {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText("notes");
  /** What the text field shows, and its caret. */
  field = "";
  caret = 0;
  readonly outgoing: Uint8Array[] = [];

  constructor(readonly name: string) {
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== "remote") this.outgoing.push(update);
    });
    this.text.observe((event, transaction) => {
      if (transaction.origin !== "remote") return;
      this.caret = shiftIndex(event.delta as Delta, this.caret);
      this.field = this.text.toString();
    });
  }

  /** A keystroke: the text field changes at the caret, the editor turns it into one edit. */
  type(letter: string): void {
    this.field = this.field.slice(0, this.caret) + letter + this.field.slice(this.caret);
    this.caret += letter.length;
    const edit = editBetween(this.text.toString(), this.field, this.caret);
    if (!edit) return;
    this.doc.transact(() => {
      if (edit.remove) this.text.delete(edit.index, edit.remove);
      if (edit.insert) this.text.insert(edit.index, edit.insert);
    }, "typed");
  }

  backspace(): void {
    if (this.caret === 0) return;
    this.field = this.field.slice(0, this.caret - 1) + this.field.slice(this.caret);
    this.caret -= 1;
    const edit = editBetween(this.text.toString(), this.field, this.caret);
    if (edit) this.doc.transact(() => this.text.delete(edit.index, edit.remove), "typed");
  }

  receive(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, "remote");
  }
}

type Step = { who: 0 | 1; action: "type" | "deliver" | "deliver-merged" | "backspace"; letter: string };

const step = fc.record({
  who: fc.constantFrom<0 | 1>(0, 1),
  action: fc.constantFrom<Step["action"]>("type", "type", "type", "deliver", "deliver-merged", "backspace"),
  letter: fc.constantFrom("a", "b", "æ", " "),
});

function run(steps: Step[], start: string) {
  const tabs = [new Tab("mette"), new Tab("jonas")];
  // Both start from the same note, loaded from the server.
  const server = new Y.Doc();
  server.getText("notes").insert(0, start);
  for (const tab of tabs) tab.receive(Y.encodeStateAsUpdate(server));
  tabs[0].caret = 0;
  tabs[1].caret = start.length;
  const delivered: Uint8Array[][] = [[], []];
  for (const { who, action, letter } of steps) {
    const tab = tabs[who];
    const other = tabs[1 - who];
    if (action === "type") tab.type(letter);
    else if (action === "backspace") tab.backspace();
    else {
      const batch = tab.outgoing.splice(0);
      if (!batch.length) continue;
      delivered[who].push(...batch);
      if (action === "deliver-merged") other.receive(Y.mergeUpdates(batch));
      else [...batch].reverse().forEach((update) => other.receive(update)); // out of order
    }
  }
  // The rest arrives, and everything once more (a retry, the echo of one's own update).
  for (const [who, tab] of tabs.entries()) {
    const rest = tab.outgoing.splice(0);
    delivered[who].push(...rest);
    rest.forEach((update) => tabs[1 - who].receive(update));
  }
  for (const [who, updates] of delivered.entries()) updates.forEach((update) => tabs[1 - who].receive(update));
  return tabs;
}

test("property: both tabs converge, field and document alike", () => {
  fc.assert(
    fc.property(fc.array(step, { maxLength: 60 }), fc.constantFrom("", "Noter: ", "aa"), (steps, start) => {
      const [mette, jonas] = run(steps, start);
      assert.equal(mette.text.toString(), jonas.text.toString());
      assert.equal(mette.field, mette.text.toString());
      assert.equal(jonas.field, jonas.text.toString());
      assert.ok(mette.caret <= mette.field.length && jonas.caret <= jonas.field.length);
    }),
    { numRuns: 400 },
  );
});

test("property: typing without deleting, each person's words stay whole", () => {
  const typing = fc.array(
    fc.record({ who: fc.constantFrom<0 | 1>(0, 1), action: fc.constantFrom<Step["action"]>("type", "type", "deliver", "deliver-merged") }),
    { maxLength: 60 },
  );
  fc.assert(
    fc.property(typing, fc.constantFrom("", "Noter: "), (plan, start) => {
      const words = ["Mette skriver.", "Jonas skriver!"];
      const next = [0, 0];
      const steps: Step[] = plan.map(({ who, action }) => {
        if (action !== "type") return { who, action, letter: "" };
        const letter = words[who][next[who]] ?? "";
        next[who] += 1;
        return { who, action: letter ? "type" : "deliver", letter };
      });
      const [mette] = run(steps, start);
      const final = mette.text.toString();
      for (const who of [0, 1]) assert.ok(final.includes(words[who].slice(0, next[who])), `${JSON.stringify(final)} lost ${who}`);
    }),
    { numRuns: 400 },
  );
});
