/** The editors' side of co-editing (src/tab/meeting/tools/coedit.tsx): only changed fields are
 * sent, with their starting values; a 409 edit_conflict is read into per-field choices. */
import assert from "node:assert/strict";
import { test } from "node:test";

Object.assign(globalThis, { window: { setTimeout: () => 0, clearTimeout() {} }, document: { getElementsByTagName: () => [] } });
if (!("navigator" in globalThis)) Object.assign(globalThis, { navigator: {} });

const { ApiError } = await import("../src/lib/api");
const { changedFields, editConflict, mergedWithOthers, pick } = await import("../src/tab/meeting/tools/coedit");

const start = { title: "Python", measure: "En time", deadline: null as string | null, status: "active" };

test("only the changed fields are sent, with the values they started from", () => {
  const now = { ...start, measure: "Halv time", deadline: "2026-06-01" };
  const changes = changedFields(now, start);
  assert.deepEqual(changes, { measure: "Halv time", deadline: "2026-06-01" });
  assert.deepEqual(pick(start, changes), { measure: "En time", deadline: null });
  assert.deepEqual(changedFields(start, { ...start }), {});
});

test("a 409 edit_conflict gives the current record and each field with both values", () => {
  const error = new ApiError(409, "edit_conflict", "…", null, { ...start, status: "achieved", version: 4 }, [
    { field: "status", theirs: "achieved", mine: "dropped", code: "edit_conflict_field", message: "…" },
  ]);
  const read = editConflict<{ status: string; version: number }>(error);
  assert.ok(read);
  assert.equal(read.current.version, 4);
  assert.deepEqual(read.conflicts, [{ field: "status", theirs: "achieved", mine: "dropped" }]);
  assert.equal(editConflict(new ApiError(409, "stale_version", "…", null, { version: 4 })), null);
  assert.equal(editConflict(new ApiError(422, "edit_conflict", "…")), null);
});

test("a saved record with more than what was sent was merged with the other's changes", () => {
  assert.equal(mergedWithOthers({ ...start, version: 2 }, start), false);
  assert.equal(mergedWithOthers({ ...start, title: "Python og SQL" }, start), true);
});
