import type { Language, TextTable } from "../lib/i18n";

export interface Participant {
  key: string;
  name: string;
  objectId: string;
  email: string;
  role: "manager" | "employee";
}

export interface SimulatorBoot {
  language: Language;
  texts: TextTable;
  tenantId: string;
  participants: Participant[];
  meeting: { id: string; chatId: string };
  /** What the side panels load instead of /tab/sidepanel: the benchmark's teams-js-only page
   * (`?baseline=teams-js`, bench/web.py). */
  sidePanelUrl?: string;
}

export const LOCALES: Record<Language, string> = { da: "da-dk", en: "en-us" };
