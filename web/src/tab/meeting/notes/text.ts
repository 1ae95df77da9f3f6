/** Plain-text helpers for the shared notes: turning what the text field now holds into one edit of
 * the shared document, and keeping a cursor in place when the other person's edit arrives. Indexes
 * are UTF-16 code units, as in the text field and in Yjs. */

export interface TextEdit {
  index: number;
  remove: number;
  insert: string;
}

/** The single edit that turns `before` into `after` (typing, deleting, pasting over a selection).
 * `cursor` (the caret after the edit) settles ambiguous cases: typing "a" after the first "a" of
 * "aa" is an insert at 1, not at 0 or 2. Null when nothing changed. */
export function editBetween(before: string, after: string, cursor: number | null = null): TextEdit | null {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  if (cursor !== null) start = Math.min(start, Math.max(0, cursor - Math.max(0, after.length - before.length)));
  let tail = 0;
  const tailLimit = Math.min(before.length - start, after.length - start, cursor === null ? Infinity : after.length - Math.min(cursor, after.length));
  while (tail < tailLimit && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail += 1;
  // Never split a surrogate pair: move the edit's edges onto whole characters.
  while (start > 0 && isLowSurrogate(after.charCodeAt(start))) start -= 1;
  while (tail > 0 && isLowSurrogate(after.charCodeAt(after.length - tail))) tail -= 1;
  return { index: start, remove: before.length - start - tail, insert: after.slice(start, after.length - tail) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A change to the text as Yjs describes it (a Y.Text event's delta). */
export type Delta = ReadonlyArray<{ retain?: number; insert?: unknown; delete?: number }>;

/** Where a position in the old text is after the change: text inserted before it pushes it on,
 * text deleted before it pulls it back (into the deletion's start when it was inside). Text
 * inserted exactly at the position goes after it (the other person typed where my caret is). */
export function shiftIndex(delta: Delta, index: number): number {
  let oldPos = 0; // position in the old text
  let shift = 0;
  for (const op of delta) {
    if (oldPos > index) break;
    if (op.retain !== undefined) {
      oldPos += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === "string" ? op.insert.length : 1;
      if (oldPos < index) shift += length;
    } else if (op.delete !== undefined) {
      const removed = Math.min(op.delete, Math.max(0, index - oldPos));
      shift -= removed;
      oldPos += op.delete;
    }
  }
  return Math.max(0, index + shift);
}
