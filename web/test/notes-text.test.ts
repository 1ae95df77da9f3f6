/** The notes editor's text rules (src/tab/meeting/notes/text.ts), example by example and as
 * properties over random texts and edits, checked against a real Yjs document. */
import assert from "node:assert/strict";
import { test } from "node:test";

import fc from "fast-check";
import * as Y from "yjs";

import { type Delta, editBetween, shiftIndex, type TextEdit } from "../src/tab/meeting/notes/text";

const apply = (text: string, edit: TextEdit | null) =>
  edit ? text.slice(0, edit.index) + edit.insert + text.slice(edit.index + edit.remove) : text;

// Short texts over few letters (repeats make the ambiguous cases common), Danish letters and an emoji.
const letters = fc.constantFrom("a", "b", " ", "\n", "æ", "ø", "å", "😀");
const textArb = fc.array(letters, { maxLength: 12 }).map((parts) => parts.join(""));

test("typing, deleting and pasting become one edit", () => {
  assert.equal(editBetween("same", "same"), null);
  assert.deepEqual(editBetween("", "a"), { index: 0, remove: 0, insert: "a" });
  assert.deepEqual(editBetween("abc", "ac", 1), { index: 1, remove: 1, insert: "" });
  assert.deepEqual(editBetween("hello world", "hello there", 11), { index: 6, remove: 5, insert: "there" });
});

test("the caret settles where a repeated letter was typed", () => {
  // "a" typed after the first "a" of "aa": the edit is at 1, where the caret says.
  assert.deepEqual(editBetween("aa", "aaa", 2), { index: 1, remove: 0, insert: "a" });
  assert.deepEqual(editBetween("aa", "aaa", 1), { index: 0, remove: 0, insert: "a" });
  assert.deepEqual(editBetween("aa", "aaa", 3), { index: 2, remove: 0, insert: "a" });
  // Backspace in the middle of "aaa" (caret at 1 afterwards).
  assert.deepEqual(editBetween("aaa", "aa", 1), { index: 1, remove: 1, insert: "" });
});

test("an emoji is never split into halves", () => {
  const edit = editBetween("a😀", "a😃", 3);
  assert.ok(edit);
  assert.equal(apply("a😀", edit), "a😃");
  assert.equal(edit.index, 1);
  assert.equal(edit.insert, "😃");
});

test("property: the edit turns the old text into the new one, at or before the caret", () => {
  fc.assert(
    fc.property(textArb, textArb, textArb, textArb, (prefix, removed, inserted, suffix) => {
      const before = prefix + removed + suffix;
      const after = prefix + inserted + suffix;
      const cursor = prefix.length + inserted.length; // where the caret is after typing/pasting
      const edit = editBetween(before, after, cursor);
      assert.equal(apply(before, edit), after);
      if (edit) {
        assert.ok(edit.index <= cursor, "the edit starts at or before the caret");
        assert.ok(edit.index + edit.insert.length >= cursor - inserted.length);
      }
      assert.equal(apply(before, editBetween(before, after)), after);
    }),
    { numRuns: 500 },
  );
});

/** The delta a Y.Text reports for one remote edit, and the text before and after. */
function remoteEdit(text: string, index: number, remove: number, insert: string) {
  const doc = new Y.Doc();
  const shared = doc.getText("notes");
  shared.insert(0, text);
  let delta: Delta = [];
  shared.observe((event) => {
    delta = event.delta as Delta;
  });
  doc.transact(() => {
    if (remove) shared.delete(index, remove);
    if (insert) shared.insert(index, insert);
  });
  return { after: shared.toString(), delta };
}

test("the caret moves with the other person's text", () => {
  // Text inserted before the caret pushes it on; after it, leaves it; at it, stays after it.
  assert.equal(shiftIndex(remoteEdit("abcdef", 1, 0, "XY").delta, 3), 5);
  assert.equal(shiftIndex(remoteEdit("abcdef", 4, 0, "XY").delta, 3), 3);
  assert.equal(shiftIndex(remoteEdit("abcdef", 3, 0, "XY").delta, 3), 3);
  // Deleted before it pulls it back; a deletion around it puts it at the deletion's start.
  assert.equal(shiftIndex(remoteEdit("abcdef", 0, 2, "").delta, 4), 2);
  assert.equal(shiftIndex(remoteEdit("abcdef", 2, 3, "").delta, 4), 2);
});

test("property: the caret keeps the same letters on its left, unless they were deleted", () => {
  const plain = fc.array(fc.constantFrom("a", "b", "c", " "), { minLength: 1, maxLength: 20 }).map((p) => p.join(""));
  fc.assert(
    fc.property(plain, fc.nat(), fc.nat(), fc.nat(5), textArb, (text, rawCaret, rawIndex, rawRemove, insert) => {
      const caret = rawCaret % (text.length + 1);
      const index = rawIndex % (text.length + 1);
      const remove = Math.min(rawRemove, text.length - index);
      const { after, delta } = remoteEdit(text, index, remove, insert);
      const moved = shiftIndex(delta, caret);
      assert.ok(moved >= 0 && moved <= after.length);
      if (index + remove < caret || (remove === 0 && index < caret)) {
        // The edit was wholly before the caret: the text after the caret is unchanged and follows it.
        assert.equal(after.slice(moved), text.slice(caret));
      } else if (index >= caret) {
        // The edit was at or after the caret: the text before the caret is unchanged.
        assert.equal(after.slice(0, moved), text.slice(0, caret));
      } else {
        // A deletion reaching the caret: the caret lands where the deleted text began (what was
        // typed in its place goes after it, as any text typed at the caret by the other person).
        assert.equal(moved, index);
      }
    }),
    { numRuns: 500 },
  );
});
