import { type Language, localeTag } from "./i18n";

export function formatDateTime(value: string | null | undefined, language: Language): string | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(localeTag(language), { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** An agenda title in the wanted language, falling back to whichever the template has. */
export function localised(title: Record<string, string | null | undefined>, language: Language): string {
  return title[language] || title.da || title.en || Object.values(title).find(Boolean) || "";
}
