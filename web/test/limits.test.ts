/** A rate-limited change (429) is shown to the person: the server's text says how long to wait; a
 * bare 429 (from a proxy, without the API's error shape) gets the tab's own generic wait. */
import assert from "node:assert/strict";
import { test } from "node:test";

Object.assign(globalThis, {
  window: { addEventListener() {}, removeEventListener() {}, setTimeout: () => 0, clearTimeout() {} },
  document: { getElementsByTagName: () => [] }, // teams-js looks at the page's scripts when loaded
});
if (!("navigator" in globalThis)) Object.assign(globalThis, { navigator: {} });

const { ApiError } = await import("../src/lib/api");
const { Texts } = await import("../src/lib/i18n");
const { describeError } = await import("../src/tab/errors");
const { describeRefusal } = await import("../src/tab/meeting/FieldNotice");

const texts = new Texts(
  {
    da: {
      "ui.error.limits_rate_limited": "For mange ændringer på kort tid. Vent et øjeblik.",
      "ui.meeting.refused.limits_rate_limited": "Ikke gemt: for mange ændringer på kort tid.",
      "ui.meeting.refused.other": "Ikke gemt.",
    },
    en: {},
  },
  "da",
);

test("a 429 in the API's shape shows the server's text with the time to wait", () => {
  const error = new ApiError(429, "rate_limited", "For mange ændringer. Vent 45 sekunder, og prøv så igen.");
  assert.equal(describeError(error, texts), "For mange ændringer. Vent 45 sekunder, og prøv så igen.");
  const notice = describeRefusal(
    { kind: "refused", status: 429, code: "rate_limited", message: error.message, text: "x", at: 0 },
    texts,
  );
  assert.deepEqual(notice, {
    lead: "Ikke gemt: for mange ændringer på kort tid.",
    detail: "For mange ændringer. Vent 45 sekunder, og prøv så igen.",
  });
});

test("a bare 429 without the API's text gets the tab's generic wait", () => {
  assert.equal(describeError(new ApiError(429, "http_error", "HTTP 429"), texts), "For mange ændringer på kort tid. Vent et øjeblik.");
  const notice = describeRefusal({ kind: "refused", status: 429, code: "http_error", message: "", text: null, at: 0 }, texts);
  assert.equal(notice.detail, "For mange ændringer på kort tid. Vent et øjeblik.");
});
