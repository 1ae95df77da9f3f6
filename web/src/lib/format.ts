import { type Language, localeTag } from "./i18n";

export function formatDateTime(value: string | null | undefined, language: Language): string | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(localeTag(language), { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** A calendar date ("2026-05-31", no time zone) as the person's locale writes it. */
export function formatDate(value: string | null | undefined, language: Language): string | null {
  const date = parseDay(value);
  if (!date) return null;
  return new Intl.DateTimeFormat(localeTag(language), { dateStyle: "medium" }).format(date);
}

/** The time of day of a timestamp, e.g. for "approved at 14:05". */
export function formatTime(value: string | null | undefined, language: Language): string | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(localeTag(language), { timeStyle: "short" }).format(date);
}

export function formatPercent(value: number, language: Language): string {
  return new Intl.NumberFormat(localeTag(language), { style: "percent", maximumFractionDigits: 0 }).format(value / 100);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(localeTag(language)).format(value);
}

/** "2026-05-31" as a local date (midnight where the person is), or null. */
export function parseDay(value: string | null | undefined): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? "");
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Today (or `days` from today) as "YYYY-MM-DD" in the person's own time zone. */
export function isoDay(days = 0, from = new Date()): string {
  const date = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** An agenda title in the wanted language, falling back to whichever the template has. */
export function localised(title: Record<string, string | null | undefined>, language: Language): string {
  return title[language] || title.da || title.en || Object.values(title).find(Boolean) || "";
}
