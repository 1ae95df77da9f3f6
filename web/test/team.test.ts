/** The team overview's order (src/tab/personal/overview.ts `byAttention`): overdue first, then due,
 * then the rest, by name as the reader's language sorts names. */
import assert from "node:assert/strict";
import { test } from "node:test";

import type { TeamMember } from "../src/tab/personal/data";
import { byAttention } from "../src/tab/personal/overview";

type State = "ok" | "due" | "overdue" | "planned" | "none";

function member(name: string, mus: State, checkIn: State = "none", overdueFollowUps = 0): TeamMember {
  const due = (state: State) => ({ due_on: state === "none" ? null : "2026-12-07", state });
  return {
    object_id: `oid-${name}`,
    display_name: name,
    email: "",
    job_title: null,
    signed_in: true,
    cadence: {
      employee_object_id: `oid-${name}`,
      mus_interval_months: 12,
      check_in_interval_weeks: null,
      is_default: true,
      version: 0,
      updated_at: null,
      set_by: null,
      status: { mus: due(mus), check_in: due(checkIn) },
    },
    last_mus: null,
    next_conversation: null,
    overdue_follow_ups: { count: overdueFollowUps, earliest: overdueFollowUps ? "2026-01-01" : null },
    goals: { total: 0, achieved: 0, open: 0, average_percent: null },
    wellbeing: [],
  };
}

const names = (members: TeamMember[]) => members.map((m) => m.display_name);

test("overdue, then due, then the rest, each by name", () => {
  const members = [
    member("Bo", "ok"),
    member("Anna", "planned"),
    member("Carl", "due"),
    member("Dorte", "ok", "overdue"),
    member("Eva", "ok", "ok", 1),
    member("Adam", "due"),
  ];
  assert.deepEqual(names(byAttention(members, new Intl.Collator("en-GB"))), [
    "Dorte",
    "Eva",
    "Adam",
    "Carl",
    "Anna",
    "Bo",
  ]);
});

test("names sort as the reader's language sorts them", () => {
  const members = [member("Åse", "ok"), member("Ødis", "ok"), member("Ærø", "ok"), member("Zenia", "ok")];
  assert.deepEqual(names(byAttention(members, new Intl.Collator("da-DK"))), ["Zenia", "Ærø", "Ødis", "Åse"]);
  assert.equal(names(members)[0], "Åse"); // the list given is left as it was
});
