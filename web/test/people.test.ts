/** People by name: initials for people without a photo, and a photo fetched once per person. */
import assert from "node:assert/strict";
import { test } from "node:test";

const { initials, personPhoto } = await import("../src/lib/people");

test("initials are the first letters of the first and last names", () => {
  assert.equal(initials("Mette Sørensen"), "MS");
  assert.equal(initials("Jonas Kjær Nielsen"), "JN");
  assert.equal(initials("freja"), "F");
  assert.equal(initials("  Åse   Ødegaard "), "ÅØ");
  assert.equal(initials(""), "?");
});

test("a person's photo is asked for once; none (404) gives null, so initials are shown", async () => {
  const asked: string[] = [];
  const api = {
    blob: async (path: string) => {
      asked.push(path);
      return null;
    },
  } as unknown as Parameters<typeof personPhoto>[0];
  const id = "0b8a6f2e-1c3d-4e5f-8a9b-000000000006";
  assert.equal(await personPhoto(api, id), null);
  assert.equal(await personPhoto(api, id), null);
  assert.deepEqual(asked, [`/api/people/${id}/photo`]);
});

test("a failed photo request is asked again next time", async () => {
  let calls = 0;
  const api = {
    blob: async () => {
      calls += 1;
      throw new Error("offline");
    },
  } as unknown as Parameters<typeof personPhoto>[0];
  const id = "0b8a6f2e-1c3d-4e5f-8a9b-000000000007";
  assert.equal(await personPhoto(api, id), null);
  assert.equal(await personPhoto(api, id), null);
  assert.equal(calls, 2);
});
