import assert from "node:assert/strict";
import { test } from "node:test";

import { localTimestamp } from "../src/lib/conversations";

test("a local date and time become an ISO timestamp with the zone's offset on that day", () => {
  const value = localTimestamp("2027-03-02", "10:00");
  assert.ok(value);
  assert.match(value, /^2027-03-02T10:00:00[+-]\d{2}:\d{2}$/);
  // The same moment as the browser reads the local time.
  assert.equal(new Date(value).getTime(), new Date(2027, 2, 2, 10, 0).getTime());
});

test("the offset follows the date (summer and winter time)", () => {
  for (const [date, month] of [
    ["2027-01-15", 0],
    ["2027-07-15", 6],
  ] as const) {
    const value = localTimestamp(date, "08:30");
    assert.ok(value);
    assert.equal(new Date(value).getTime(), new Date(2027, month, 15, 8, 30).getTime());
  }
});

test("invalid dates and times give nothing to send", () => {
  for (const [date, time] of [
    ["", "10:00"],
    ["2027-03-02", ""],
    ["2027-13-40", "10:00"],
    ["02-03-2027", "10:00"],
    ["2027-03-02", "25:99"],
  ]) {
    assert.equal(localTimestamp(date, time), null, `${date} ${time}`);
  }
});
