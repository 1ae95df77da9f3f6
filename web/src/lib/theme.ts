/** The Teams themes: default (light), dark and contrast. The style sheet holds one set of Fluent
 * token variables per theme and picks it by <html data-theme="...">. */
export type Theme = "default" | "dark" | "contrast";

export function themeOf(value: string | null | undefined): Theme {
  return value === "dark" || value === "contrast" ? value : "default";
}

export function applyTheme(value: string | null | undefined): Theme {
  const theme = themeOf(value);
  document.documentElement.dataset.theme = theme;
  return theme;
}
