/** Danish and English texts. The server embeds the page's keys from the same gettext catalogues
 * that the API uses (plugin/messages/<language>/LC_MESSAGES/messages.po); placeholders are written
 * {name}. A text with a count has plural forms, given as an array in the catalogue's order (for
 * Danish and English: [one, other]); `Texts.n` picks the form with Intl.PluralRules. */
import { createContext } from "preact";
import { useContext } from "preact/hooks";

export type Language = "da" | "en";
/** A text, or the plural forms of a text with a count. */
export type Text = string | string[];
export type TextTable = Record<Language, Record<string, Text>>;
export type Params = Record<string, string | number>;
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

/** The CLDR plural categories in the order of the gettext forms for `nplurals=2; plural=(n != 1)`. */
const FORM_OF_CATEGORY: Record<string, number> = { one: 0 };

function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export class Texts {
  private rules: Intl.PluralRules | null = null;

  constructor(
    private readonly table: TextTable,
    readonly language: Language,
  ) {}

  private lookup(key: string): Text {
    return this.table[this.language]?.[key] ?? this.table[DEFAULT_LANGUAGE]?.[key] ?? key;
  }

  /** Which plural form goes with `count` in this language. */
  pluralForm(count: number, forms: number): number {
    this.rules ??= new Intl.PluralRules(localeTag(this.language));
    const form = FORM_OF_CATEGORY[this.rules.select(count)] ?? 1;
    return Math.min(form, forms - 1);
  }

  /** The text for `key` in the current language, then Danish, then the key itself. A text with
   * plural forms takes its form from `params.count` (prefer `n`). */
  t = (key: string, params: Params = {}): string => {
    const text = this.lookup(key);
    if (Array.isArray(text)) {
      const count = params.count;
      return fill(text[typeof count === "number" ? this.pluralForm(count, text.length) : text.length - 1], params);
    }
    return fill(text, params);
  };

  /** The form of a plural text that goes with `count`; `{count}` is filled in with the number
   * written as the language writes numbers, unless `params` gives it. */
  n = (key: string, count: number, params: Params = {}): string => {
    const text = this.lookup(key);
    const formatted = new Intl.NumberFormat(localeTag(this.language)).format(count);
    const all = { count: formatted, ...params };
    if (!Array.isArray(text)) return fill(text, all);
    return fill(text[this.pluralForm(count, text.length)], all);
  };

  in(language: Language): Texts {
    return language === this.language ? this : new Texts(this.table, language);
  }
}

export const TextsContext = createContext<Texts>(new Texts({ da: {}, en: {} }, DEFAULT_LANGUAGE));

export function useTexts(): Texts {
  return useContext(TextsContext);
}
