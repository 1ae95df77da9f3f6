import { useState } from "preact/hooks";

import { demoPeople } from "../../lib/auth";
import type { PersonRef } from "../../lib/conversations";
import { useTexts } from "../../lib/i18n";
import { describeError } from "../errors";
import { useLoad } from "../hooks";
import { ErrorNotice, Loading } from "./Notice";

const OBJECT_ID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

export function isObjectId(value: string): boolean {
  return OBJECT_ID.test(value.trim());
}

interface PickerProps {
  legend: string;
  excludeObjectId: string;
  value: PersonRef | null;
  onChange: (person: PersonRef | null) => void;
}

/** The other participant. In demo mode a choice of the demo organisation's people; otherwise
 * their Microsoft Entra object id (a directory search through Microsoft Graph comes later). */
export function PeoplePicker(props: PickerProps & { demo: boolean }) {
  return props.demo ? <DemoPeoplePicker {...props} /> : <ObjectIdPicker {...props} />;
}

function DemoPeoplePicker({ legend, excludeObjectId, value, onChange }: PickerProps) {
  const texts = useTexts();
  const { t } = texts;
  const [people, reload] = useLoad(demoPeople, []);
  return (
    <fieldset class="field-group" data-testid="people-picker">
      <legend>{legend}</legend>
      {people.status === "loading" && <Loading />}
      {people.status === "error" && <ErrorNotice message={describeError(people.error, texts)} onRetry={reload} />}
      {people.status === "ok" &&
        people.value
          .filter((person) => person.object_id !== excludeObjectId)
          .map((person) => (
            <label key={person.key} class="choice">
              <input
                type="radio"
                name="other-person"
                value={person.key}
                checked={value?.object_id === person.object_id}
                onChange={() => onChange({ object_id: person.object_id })}
              />
              <span>
                {person.name} <span class="hint">({t(`ui.role.${person.role}`)})</span>
              </span>
            </label>
          ))}
    </fieldset>
  );
}

/** Only the directory id is sent: the server takes the person's name and e-mail address from the
 * directory, never from what is typed here. */
function ObjectIdPicker({ legend, value, onChange }: PickerProps) {
  const { t } = useTexts();
  const [objectId, setObjectId] = useState(value?.object_id ?? "");
  const invalid = objectId.trim() !== "" && !isObjectId(objectId);
  const update = (nextId: string) => {
    setObjectId(nextId);
    onChange(isObjectId(nextId) ? { object_id: nextId.trim().toLowerCase() } : null);
  };
  return (
    <fieldset class="field-group">
      <legend>{legend}</legend>
      <div class="field">
        <label for="other-object-id">{t("ui.config.object_id")}</label>
        <input
          id="other-object-id"
          class="input"
          value={objectId}
          required
          autocomplete="off"
          spellcheck={false}
          aria-invalid={invalid}
          aria-describedby="other-object-id-hint"
          onInput={(event) => update(event.currentTarget.value)}
        />
        <p id="other-object-id-hint" class={invalid ? "hint hint-error" : "hint"}>
          {invalid ? t("ui.config.object_id_invalid") : t("ui.config.object_id_hint")}
        </p>
      </div>
    </fieldset>
  );
}
