/** Per field, what became of the last change typed there, when it is not simply saved: refused by
 * the server (409, 413, 422, 403, a server error) or waiting for the connection. What the person
 * typed is kept with it (in this tab, and in localStorage so that a reload offers it back), and the
 * field shows why next to it (FieldNotice). One mechanism for every editor: the editor names its
 * field (`fieldKey`), saves through `MeetingStore.track` (or reports a refusal with `refuse`), and
 * renders `<FieldNotice field=…>` beside the input. */
import { ApiError } from "../../lib/api";

export type FieldProblem = "refused" | "waiting";

export interface FieldStatus {
  kind: FieldProblem;
  /** The server's answer (refused): what the notice explains. 0 for no connection. */
  status: number;
  code: string;
  /** The server's message (already in the person's language), for the detail of a 409/422. */
  message: string;
  /** What the person typed in the field (kept until it is saved or they discard it). */
  text: string | null;
  /** Kept from an earlier page (offered back after a reload). */
  earlier?: boolean;
  at: number;
}

export type FieldMap = Record<string, FieldStatus>;

/** The field keys the editors use (stable across a reload: they name where the text goes back). */
export const fieldKey = {
  notes: (itemId: number) => `notes:${itemId}`,
  talkingPoint: (itemId: number) => `point:${itemId}`,
  newPreparation: (promptKey: string | null) => `prep:new:${promptKey ?? "free"}`,
  preparation: (itemId: number) => `prep:${itemId}`,
  pulse: () => "pulse",
  progress: (goalId: number) => `progress:${goalId}`,
  consent: (kind: string) => `consent:${kind}`,
  position: () => "position",
};

/** An id for the notice of a field (aria-describedby of the input it is about). */
export const noticeId = (field: string) => `field-notice-${field.replace(/[^A-Za-z0-9_-]/g, "-")}`;

export function refusalOf(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, "unexpected", String(error));
}

/** How long a refused text is kept on the device to be offered back. */
const KEPT_FOR_MS = 14 * 24 * 3600 * 1000;

/** The refused fields and their texts, in localStorage (one entry per person and conversation). */
export class KeptFields {
  constructor(private readonly storageKey: string) {}

  load(): FieldMap {
    try {
      const stored = JSON.parse(localStorage.getItem(this.storageKey) ?? "{}") as unknown;
      if (!stored || typeof stored !== "object" || Array.isArray(stored)) return {};
      const fields: FieldMap = {};
      for (const [field, value] of Object.entries(stored as FieldMap)) {
        // Kept for a while, not for ever: an old refused text is not offered back (nor kept).
        if (value && value.kind === "refused" && Date.now() - value.at < KEPT_FOR_MS) fields[field] = { ...value, earlier: true };
      }
      return fields;
    } catch {
      return {};
    }
  }

  /** Stores the refused fields that hold text (a refusal without text has nothing to give back). */
  save(fields: FieldMap): void {
    const kept = Object.fromEntries(
      Object.entries(fields)
        .filter(([, value]) => value.kind === "refused" && value.text)
        .map(([field, value]) => [field, { ...value, earlier: undefined }]),
    );
    try {
      if (Object.keys(kept).length) localStorage.setItem(this.storageKey, JSON.stringify(kept));
      else localStorage.removeItem(this.storageKey);
    } catch {
      // Storage full or blocked: the tab still holds the text until it is closed.
    }
  }
}
