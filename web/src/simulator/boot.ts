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
}

export const LOCALES: Record<Language, string> = { da: "da-dk", en: "en-us" };
