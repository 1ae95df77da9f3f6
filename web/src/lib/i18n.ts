/** Danish and English texts. The server embeds the page's keys from the same catalogues that
 * the API uses (plugin/messages/<language>/ui.json); placeholders are written {name}. */
import { createContext } from "preact";
import { useContext } from "preact/hooks";

export type Language = "da" | "en";
export type TextTable = Record<Language, Record<string, string>>;
export const DEFAULT_LANGUAGE: Language = "da";

/** "da-dk" -> "da", "en-GB" -> "en"; null for a language we have no texts for. */
export function languageOf(locale: string | null | undefined): Language | null {
  const language = (locale ?? "").replace("_", "-").split("-")[0].trim().toLowerCase();
  return language === "da" || language === "en" ? language : null;
}

/** The BCP 47 tag used for dates and numbers in each language. */
export function localeTag(language: Language): string {
  return language === "da" ? "da-DK" : "en-GB";
}

export class Texts {
  constructor(
    private readonly table: TextTable,
    readonly language: Language,
  ) {}

  /** The text for `key` in the current language, then Danish, then the key itself. */
  t = (key: string, params: Record<string, string | number> = {}): string => {
    const text = this.table[this.language]?.[key] ?? this.table[DEFAULT_LANGUAGE]?.[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };

  in(language: Language): Texts {
    return language === this.language ? this : new Texts(this.table, language);
  }
}

export const TextsContext = createContext<Texts>(new Texts({ da: {}, en: {} }, DEFAULT_LANGUAGE));

export function useTexts(): Texts {
  return useContext(TextsContext);
}
