/** Small building blocks of the meeting views: labelled fields, inline errors, busy actions. */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";

import { useTexts } from "../../lib/i18n";
import { describeError } from "../errors";

let nextId = 0;
/** A stable id for label/aria wiring, unique in the page. */
export function useId(prefix: string): string {
  const [id] = useState(() => `${prefix}-${++nextId}`);
  return id;
}

export interface Action {
  busy: boolean;
  error: string | null;
  run: <T>(work: () => Promise<T>) => Promise<T | undefined>;
  clear: () => void;
}

/** Runs a change and keeps its error next to the control that started it. */
export function useAction(): Action {
  const texts = useTexts();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return {
    busy,
    error,
    clear: () => setError(null),
    run: async <T,>(work: () => Promise<T>) => {
      setBusy(true);
      setError(null);
      try {
        return await work();
      } catch (failure) {
        setError(describeError(failure, texts));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
  };
}

export function InlineError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p class="inline-error" role="alert">
      {message}
    </p>
  );
}

type FieldProps = {
  label: string;
  hint?: string;
  value: string;
  onInput: (value: string) => void;
  multiline?: boolean;
  type?: "text" | "date";
  required?: boolean;
  describedBy?: string;
  invalid?: boolean;
  name?: string;
  rows?: number;
  maxLength?: number;
  min?: string;
};

/** A label, the input (or textarea) and an optional hint, wired for screen readers. */
export function Field({
  label,
  hint,
  value,
  onInput,
  multiline = false,
  type = "text",
  required = false,
  describedBy,
  invalid = false,
  name,
  rows = 3,
  maxLength,
  min,
  children,
}: FieldProps & { children?: ComponentChildren }) {
  const id = useId("field");
  const hintId = `${id}-hint`;
  const described = [hint ? hintId : null, describedBy ?? null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    class: multiline ? "input textarea" : "input",
    value,
    required,
    "aria-describedby": described,
    "aria-invalid": invalid ? ("true" as const) : undefined,
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={rows} onInput={(event) => onInput(event.currentTarget.value)} />
      ) : type === "date" ? (
        <input {...common} type="date" min={min} onInput={(event) => onInput(event.currentTarget.value)} />
      ) : (
        <input {...common} type="text" maxLength={maxLength} onInput={(event) => onInput(event.currentTarget.value)} />
      )}
      {children}
    </div>
  );
}

/** A section whose body shows on demand (one button, aria-expanded). */
export function Disclosure({
  summary,
  children,
  open: initiallyOpen = false,
  testId,
  class: className = "",
}: {
  summary: ComponentChildren;
  children: ComponentChildren;
  open?: boolean;
  testId?: string;
  class?: string;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const id = useId("disclosure");
  return (
    <div class={`disclosure ${className}`} data-testid={testId}>
      <button
        type="button"
        class="disclosure-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        <span class="chevron" aria-hidden="true" />
        <span>{summary}</span>
      </button>
      <div id={id} class="disclosure-body" hidden={!open}>
        {open && children}
      </div>
    </div>
  );
}
