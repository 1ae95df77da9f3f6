/** Texts (src/lib/i18n.ts) and formatting (src/lib/format.ts): plural forms chosen with
 * Intl.PluralRules, numbers and dates written as each language writes them. */
import assert from "node:assert/strict";
import { test } from "node:test";

import { formatDate, formatNumber, formatPercent } from "../src/lib/format";
import { Texts, type TextTable } from "../src/lib/i18n";

const table: TextTable = {
  da: { "points": ["{count} samtalepunkt", "{count} samtalepunkter"], "hello": "Hej {name}" },
  en: { "points": ["{count} talking point", "{count} talking points"], "hello": "Hello {name}" },
};

test("a plural text takes the form that goes with the count", () => {
  const en = new Texts(table, "en");
  const da = new Texts(table, "da");
  assert.equal(en.n("points", 1), "1 talking point");
  assert.equal(en.n("points", 0), "0 talking points");
  assert.equal(en.n("points", 3), "3 talking points");
  assert.equal(da.n("points", 1), "1 samtalepunkt");
  assert.equal(da.n("points", 2), "2 samtalepunkter");
  assert.equal(en.n("points", 12000), "12,000 talking points");
  assert.equal(da.n("points", 12000), "12.000 samtalepunkter");
  assert.equal(en.t("points", { count: 1 }), "1 talking point");
});

test("a plain text is filled in, and a missing key falls back to Danish, then the key", () => {
  const en = new Texts({ da: { only: "Kun dansk" }, en: {} }, "en");
  assert.equal(en.t("only"), "Kun dansk");
  assert.equal(en.t("nothing"), "nothing");
  assert.equal(new Texts(table, "en").t("hello", { name: "Ann" }), "Hello Ann");
});

test("numbers and dates follow the language", () => {
  assert.equal(formatNumber(1234.5, "da"), "1.234,5");
  assert.equal(formatNumber(1234.5, "en"), "1,234.5");
  assert.equal(formatPercent(40, "en"), "40%");
  assert.match(formatPercent(40, "da"), /^40\s%$/);
  assert.equal(formatDate("2026-05-31", "da"), "31. maj 2026");
  assert.equal(formatDate("2026-05-31", "en"), "31 May 2026");
});
