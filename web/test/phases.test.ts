/** The tab's lifecycle rules (src/tab/meeting/phases.ts): when the agenda is done, so "Conclude"
 * shows by itself. */
import assert from "node:assert/strict";
import { test } from "node:test";

import fc from "fast-check";

import { agendaDone, phaseOf } from "../src/tab/meeting/phases";

const agenda = [
  { id: 11, position: 2 },
  { id: 12, position: 0 },
  { id: 13, position: 1 },
];

test("the agenda is done on its last item only", () => {
  assert.equal(agendaDone(agenda, null), false); // not started
  assert.equal(agendaDone(agenda, 12), false); // the first item
  assert.equal(agendaDone(agenda, 13), false);
  assert.equal(agendaDone(agenda, 11), true); // the last by position, not by order in the list
  assert.equal(agendaDone([], null), false);
  assert.equal(agendaDone(agenda, 99), false); // an item that is no longer on the agenda
});

test("exactly one item makes any agenda done", () => {
  const items = fc
    .uniqueArray(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 10 })
    .map((positions) => positions.map((position, index) => ({ id: 100 + index, position })));
  fc.assert(
    fc.property(items, (list) => {
      const done = list.filter((item) => agendaDone(list, item.id));
      assert.equal(done.length, 1);
      assert.equal(done[0].position, Math.max(...list.map((item) => item.position)));
    }),
  );
});

test("the phases of the lifecycle", () => {
  assert.equal(phaseOf("planned"), "before");
  assert.equal(phaseOf("preparing"), "before");
  assert.equal(phaseOf("in_meeting"), "during");
  assert.equal(phaseOf("reviewing"), "after");
  assert.equal(phaseOf("agreed"), "after");
});
