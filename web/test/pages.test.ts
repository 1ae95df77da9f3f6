import assert from "node:assert/strict";
import { test } from "node:test";

import { allPages, MAX_PAGE, pagePath } from "../src/lib/pages";

test("pagePath adds the limit and the cursor to a path with or without a query", () => {
  assert.equal(pagePath("/api/conversations", null), "/api/conversations");
  assert.equal(pagePath("/api/conversations", null, 50), "/api/conversations?limit=50");
  assert.equal(pagePath("/api/conversations", "abc-_", 50), "/api/conversations?limit=50&cursor=abc-_");
  assert.equal(pagePath("/api/x/goals?set_here=true", "c", 100), "/api/x/goals?set_here=true&limit=100&cursor=c");
});

test("allPages follows next_cursor until it is null, in order, the most per page", async () => {
  const pages: Record<string, { items: number[]; next_cursor: string | null }> = {
    "": { items: [1, 2], next_cursor: "two" },
    two: { items: [3, 4], next_cursor: "three" },
    three: { items: [5], next_cursor: null },
  };
  const asked: string[] = [];
  const items = await allPages(async (path) => {
    asked.push(path);
    const cursor = new URL(path, "http://x").searchParams.get("cursor") ?? "";
    return pages[cursor];
  }, "/api/conversations?status=agreed");
  assert.deepEqual(items, [1, 2, 3, 4, 5]);
  assert.equal(asked.length, 3);
  assert.ok(asked.every((path) => path.includes(`limit=${MAX_PAGE}`) && path.includes("status=agreed")));
});
