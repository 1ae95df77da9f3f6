import { useEffect, useMemo, useRef, useState } from "preact/hooks";

import { ApiError } from "../../lib/api";
import type { PersonRef } from "../../lib/conversations";
import { useTexts } from "../../lib/i18n";
import {
  type Candidate,
  initials,
  MAX_QUERY,
  MIN_QUERY,
  peopleSuggestions,
  personPhoto,
  type Relation,
  searchPeople,
} from "../../lib/people";
import { describeError } from "../errors";
import { useLoad } from "../hooks";
import { useSession } from "../session";

const OBJECT_ID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const DEBOUNCE_MS = 250;

export function isObjectId(value: string): boolean {
  return OBJECT_ID.test(value.trim());
}

interface PickerProps {
  legend: string;
  excludeObjectId: string;
  value: PersonRef | null;
  onChange: (person: PersonRef | null) => void;
  /** Kept for callers written before the picker searched the directory; the demo organisation is
   * searched like any other (its Graph stand-in answers), so it changes nothing. */
  demo?: boolean;
  /** The Teams meeting (Graph onlineMeeting id): its participants are suggested first. */
  meetingId?: string | null;
  /** Only suggest people of this relation (e.g. "report" when a manager plans). */
  relation?: Relation;
  /** The whole person picked (with `confirmed_pair`), or null. */
  onPick?: (person: Candidate | null) => void;
}

type Search =
  | { status: "idle" }
  | { status: "loading"; query: string }
  | { status: "ok"; query: string; items: Candidate[] }
  | { status: "error"; query: string; error: unknown };

let pickers = 0;

/** The other person of a conversation, chosen by name: an ARIA 1.2 combobox. Suggestions (the
 * meeting's participants, one's reports and manager) are listed first; typing searches the
 * organisation's directory. Only the object id is handed on: the server takes the person's name
 * and e-mail address from the directory, never from the tab. */
export function PeoplePicker({ legend, excludeObjectId, value, onChange, meetingId, relation, onPick }: PickerProps) {
  const { api } = useSession();
  const texts = useTexts();
  const { t } = texts;
  const id = useMemo(() => `people-picker-${++pickers}`, []);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [chosen, setChosen] = useState<Candidate | null>(null);
  const [search, setSearch] = useState<Search>({ status: "idle" });
  const [suggested, reloadSuggested] = useLoad(() => peopleSuggestions(api, meetingId), [api, meetingId]);
  const inputRef = useRef<HTMLInputElement>(null);

  const trimmed = query.trim();
  const searching = trimmed.length >= MIN_QUERY && !(chosen && query === chosen.display_name);

  // Search as one types: debounced, and a newer search aborts the one before.
  useEffect(() => {
    if (!searching) {
      setSearch({ status: "idle" });
      return;
    }
    const controller = new AbortController();
    setSearch({ status: "loading", query: trimmed });
    const timer = window.setTimeout(() => {
      searchPeople(api, trimmed, controller.signal).then(
        (items) => !controller.signal.aborted && setSearch({ status: "ok", query: trimmed, items }),
        (error: unknown) => !controller.signal.aborted && setSearch({ status: "error", query: trimmed, error }),
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [api, trimmed, searching]);

  // The parent cleared the choice (e.g. the role changed): so does the picker. The parent chose a
  // person (e.g. "Plan" on a card of the team): shown as chosen once the suggestions name them.
  useEffect(() => {
    if (value === null && chosen !== null) {
      setChosen(null);
      setQuery("");
      return;
    }
    if (value === null || suggested.status !== "ok") return;
    const wanted = value.object_id.toLowerCase();
    if (chosen?.object_id.toLowerCase() === wanted) return;
    const known = suggested.value.find((person) => person.object_id.toLowerCase() === wanted);
    if (known) {
      setChosen(known);
      setQuery(known.display_name);
    }
  }, [value, suggested.status]);

  const notMe = (person: Candidate) => person.object_id.toLowerCase() !== excludeObjectId.toLowerCase();
  const options: Candidate[] = searching
    ? search.status === "ok"
      ? search.items.filter(notMe)
      : []
    : suggested.status === "ok"
      ? suggested.value.filter((p) => notMe(p) && (!relation || p.relation === relation))
      : [];

  useEffect(() => setActive(-1), [searching, search.status, suggested.status]);

  const pick = (person: Candidate) => {
    setChosen(person);
    setQuery(person.display_name);
    setOpen(false);
    setActive(-1);
    onChange({ object_id: person.object_id });
    onPick?.(person);
  };

  const clear = () => {
    setChosen(null);
    onChange(null);
    onPick?.(null);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const last = options.length - 1;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        setOpen(true);
        setActive((index) => (last < 0 ? -1 : index >= last ? 0 : index + 1));
        break;
      case "ArrowUp":
        event.preventDefault();
        setOpen(true);
        setActive((index) => (last < 0 ? -1 : index <= 0 ? last : index - 1));
        break;
      case "Home":
        if (open && last >= 0 && event.ctrlKey) {
          event.preventDefault();
          setActive(0);
        }
        break;
      case "End":
        if (open && last >= 0 && event.ctrlKey) {
          event.preventDefault();
          setActive(last);
        }
        break;
      case "Enter":
        if (open && active >= 0 && active <= last) {
          event.preventDefault();
          pick(options[active]);
        }
        break;
      case "Escape":
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (query) {
          event.preventDefault();
          setQuery("");
          clear();
        }
        break;
    }
  };

  const listId = `${id}-list`;
  const activeId = open && active >= 0 && active < options.length ? `${id}-option-${active}` : undefined;
  const status = statusText();

  function statusText(): { text: string; error: boolean; retry?: () => void } | null {
    if (!searching) {
      if (trimmed.length > 0 && !chosen) return { text: t("ui.people.too_short"), error: false };
      if (suggested.status === "loading") return { text: t("ui.people.loading"), error: false };
      if (suggested.status === "error") return { text: describeError(suggested.error, texts), error: true, retry: reloadSuggested };
      if (options.length === 0) return { text: t("ui.people.no_suggestions"), error: false };
      return null;
    }
    if (search.status === "loading") return { text: t("ui.people.loading"), error: false };
    if (search.status === "error") {
      const aborted = search.error instanceof ApiError && search.error.isNetwork && !navigator.onLine;
      return { text: aborted ? t("ui.error.network") : describeError(search.error, texts), error: true };
    }
    if (search.status === "ok" && options.length === 0) return { text: t("ui.people.none", { query: trimmed }), error: false };
    if (search.status === "ok") return { text: t("ui.people.count", { count: options.length }), error: false };
    return null;
  }

  return (
    <fieldset class="field-group people-picker" data-testid="people-picker">
      <legend>{legend}</legend>
      <div class="field">
        <label for={`${id}-input`}>{t("ui.people.search_label")}</label>
        <div class="combobox">
          <input
            ref={inputRef}
            id={`${id}-input`}
            class="input"
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={activeId}
            aria-describedby={`${id}-hint ${id}-status`}
            autocomplete="off"
            spellcheck={false}
            maxLength={MAX_QUERY}
            value={query}
            data-testid="people-search"
            onInput={(event) => {
              const next = event.currentTarget.value;
              setQuery(next);
              setOpen(true);
              if (chosen && next !== chosen.display_name) clear();
            }}
            onFocus={() => setOpen(true)}
            onClick={() => setOpen(true)}
            onBlur={() => window.setTimeout(() => setOpen(false), 150)}
            onKeyDown={onKeyDown}
          />
          <ul
            id={listId}
            role="listbox"
            class="combobox-list"
            aria-label={searching ? t("ui.people.results") : t("ui.people.suggested")}
            hidden={!open || options.length === 0}
          >
            {options.map((person, index) => (
              <li
                key={person.object_id}
                id={`${id}-option-${index}`}
                role="option"
                aria-selected={index === active}
                class={index === active ? "person-option active" : "person-option"}
                data-testid="person-option"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(person)}
              >
                <PersonCard person={person} />
              </li>
            ))}
          </ul>
        </div>
        <p id={`${id}-hint`} class="hint">
          {t("ui.people.search_hint")}
        </p>
        <p id={`${id}-status`} role="status" class={status?.error ? "hint hint-error" : "hint"} data-testid="people-status">
          {status?.text ?? ""}
          {status?.retry && (
            <>
              {" "}
              <button type="button" class="button button-subtle" onClick={status.retry}>
                {t("ui.common.retry")}
              </button>
            </>
          )}
        </p>
      </div>
      {chosen && (
        <div class="person-chosen" data-testid="people-picker-chosen">
          <p class="visually-hidden">{t("ui.people.chosen", { name: chosen.display_name })}</p>
          <PersonCard person={chosen} />
          {!chosen.confirmed_pair && (
            <p class="hint" data-testid="pair-unconfirmed-hint">
              {t("ui.people.not_confirmed_hint")}
            </p>
          )}
          <button
            type="button"
            class="button button-subtle"
            onClick={() => {
              setQuery("");
              clear();
              inputRef.current?.focus();
            }}
          >
            {t("ui.people.change")}
          </button>
        </div>
      )}
    </fieldset>
  );
}

/** Photo or initials, name, job title and e-mail, how the person was found and the pair mark. */
export function PersonCard({ person }: { person: Candidate }) {
  const { t } = useTexts();
  return (
    <span class="person-card">
      <Avatar objectId={person.object_id} name={person.display_name} />
      <span class="person-text">
        <span class="person-name">{person.display_name}</span>
        {person.job_title && <span class="person-detail">{person.job_title}</span>}
        {person.email && <span class="person-detail person-email">{person.email}</span>}
        <span class="person-marks">
          {person.relation && person.relation !== "participant" && (
            <span class="tag">{t(`ui.people.relation.${person.relation}`)}</span>
          )}
          {(person.in_meeting || person.relation === "participant") && (
            <span class="tag">{t("ui.people.relation.participant")}</span>
          )}
          {!person.confirmed_pair && (
            <span class="tag tag-warning" data-testid="pair-unconfirmed">
              {t("ui.people.not_confirmed")}
            </span>
          )}
        </span>
      </span>
    </span>
  );
}

export function Avatar({ objectId, name }: { objectId: string; name: string }) {
  const { api } = useSession();
  const [photo, setPhoto] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setPhoto(null);
    personPhoto(api, objectId).then((url) => live && setPhoto(url));
    return () => {
      live = false;
    };
  }, [api, objectId]);
  return photo ? (
    <img class="avatar" src={photo} alt="" width={32} height={32} data-testid="avatar-photo" />
  ) : (
    <span class="avatar avatar-initials" aria-hidden="true" data-testid="avatar-initials">
      {initials(name)}
    </span>
  );
}
