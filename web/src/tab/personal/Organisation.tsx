/** The HR / admin area of "My MUS" (shown only to the organisation's admins; its APIs answer 403 to
 * everyone else): coverage per unit (counts of people, figures about fewer than 5 held back), the
 * organisation's settings, and its own agenda templates. */
import "./organisation.css";

import { useEffect, useState } from "preact/hooks";

import { type Api, ApiError } from "../../lib/api";
import type { components } from "../../lib/api/schema";
import { localised } from "../../lib/format";
import { useTexts } from "../../lib/i18n";
import { ErrorNotice, Loading } from "../components/Notice";
import { describeError } from "../errors";
import { type Load, useLoad } from "../hooks";
import { useSession } from "../session";

type Schemas = components["schemas"];
type UnitsCoverage = Schemas["UnitsCoverageOut"];
type OrgSettings = Schemas["OrgSettingsOut"];
type Template = Schemas["TemplateOut"];
type Tool = Schemas["Tool"];

const FIGURES = ["employees", "mus_held", "mus_planned", "mus_overdue", "checkins_recent"] as const;
const CHECKIN_WEEKS = [2, 4, 6, 8, 12];
const TOOLS: Tool[] = ["goals", "development", "feedback", "wellbeing", "goal_progress", "agreement"];
// The bounds the API checks (plugin/domain/org_settings.py), shown as hints and on the inputs.
const BOUNDS = {
  mus_interval_months: [6, 24],
  reminder_lead_days: [1, 14],
  agreement_retention_months: [12, 120],
  notes_retention_days: [1, 365],
} as const;

const listTemplates = async (api: Api) => (await api.get<Schemas["TemplateList"]>("/api/templates")).items;

export function Organisation() {
  const { t } = useTexts();
  const { api } = useSession();
  const [templates, reloadTemplates] = useLoad(() => listTemplates(api), [api]);
  return (
    <section class="mymus-section org" aria-labelledby="org-heading" data-testid="organisation">
      <h2 id="org-heading" class="section-title">
        {t("ui.mymus.org.heading")}
      </h2>
      <p class="hint">{t("ui.mymus.org.intro")}</p>
      <UnitCoverage />
      <SettingsForm templates={templates} />
      <Templates templates={templates} reload={reloadTemplates} />
    </section>
  );
}

// --- coverage per unit ---------------------------------------------------------------------------

function Figure({ value, min }: { value: number | null; min: number }) {
  const { t, language } = useTexts();
  if (value === null) {
    return (
      <span class="mymus-suppressed" data-suppressed="true">
        {t("ui.mymus.coverage.suppressed", { min })}
      </span>
    );
  }
  return <span data-suppressed="false">{value.toLocaleString(language === "da" ? "da-DK" : "en-GB")}</span>;
}

function UnitCoverage() {
  const texts = useTexts();
  const { t } = texts;
  const { api } = useSession();
  const [coverage, reload] = useLoad(() => api.get<UnitsCoverage>("/api/coverage/units"), [api]);
  return (
    <div class="org-part" data-testid="org-units">
      <h3 id="org-units-heading" class="org-part-title">
        {t("ui.mymus.org.units.heading")}
      </h3>
      {coverage.status === "loading" && <Loading />}
      {coverage.status === "error" && <ErrorNotice message={describeError(coverage.error, texts)} onRetry={reload} />}
      {coverage.status === "ok" && (
        <>
          <p class="hint" id="org-units-note">
            {t("ui.mymus.org.units.note", { min: coverage.value.min_group_size, months: coverage.value.mus_interval_months })}
          </p>
          {coverage.value.source === "known_people" && (
            <p class="hint" data-testid="org-units-known-people">
              {t("ui.mymus.org.units.known_people")}
            </p>
          )}
          {/* Focusable so that the keyboard scrolls it at 280 px; the region is named by the caption. */}
          <div class="org-table-wrap" role="region" aria-labelledby="org-units-caption" tabIndex={0}>
            <table class="org-table" aria-describedby="org-units-note">
              <caption id="org-units-caption">
                {t("ui.mymus.org.units.caption")}
                <span class="visually-hidden"> {t("ui.mymus.org.units.scroll")}</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("ui.mymus.org.units.unit")}</th>
                  {FIGURES.map((name) => (
                    <th key={name} scope="col">
                      {t(`ui.mymus.org.units.${name}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {coverage.value.units.map((unit) => (
                  <tr key={unit.unit ?? ""} data-unit={unit.unit ?? ""}>
                    <th scope="row">{unit.unit ?? t("ui.mymus.org.units.no_unit")}</th>
                    {FIGURES.map((name) => (
                      <td key={name} data-figure={name}>
                        <Figure value={unit[name]} min={coverage.value.min_group_size} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-unit="*">
                  <th scope="row">{t("ui.mymus.org.units.total")}</th>
                  {FIGURES.map((name) => (
                    <td key={name} data-figure={name}>
                      <Figure value={coverage.value.organisation[name]} min={coverage.value.min_group_size} />
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

// --- settings ------------------------------------------------------------------------------------

type SettingName = Exclude<keyof OrgSettings, "version">;
type Draft = Record<SettingName, string>;

const draftOf = (s: OrgSettings): Draft => ({
  mus_interval_months: String(s.mus_interval_months),
  checkin_interval_weeks: s.checkin_interval_weeks === null ? "" : String(s.checkin_interval_weeks),
  reminder_lead_days: String(s.reminder_lead_days),
  agreement_retention_months: s.agreement_retention_months === null ? "" : String(s.agreement_retention_months),
  notes_retention_days: String(s.notes_retention_days),
  default_mus_template: s.default_mus_template ?? "",
});

/** A whole number as a number; anything else as typed, so that the API names what is wrong. */
const numberOrText = (value: string): number | string | null => {
  const trimmed = value.trim();
  if (!trimmed) return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
};

type Saving = { state: "idle" } | { state: "saving" } | { state: "saved" } | { state: "refused"; message: string; field: string | null };

function SettingsForm({ templates }: { templates: Load<Template[]> }) {
  const texts = useTexts();
  const { t, language } = texts;
  const { api } = useSession();
  const [loaded, reload] = useLoad(() => api.get<OrgSettings>("/api/organisation/settings"), [api]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [version, setVersion] = useState(0);
  const [saving, setSaving] = useState<Saving>({ state: "idle" });

  useEffect(() => {
    if (loaded.status === "ok") {
      setDraft(draftOf(loaded.value));
      setVersion(loaded.value.version);
    }
  }, [loaded]);

  const set = (name: SettingName) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    setDraft((d) => (d ? { ...d, [name]: value } : d));
    setSaving({ state: "idle" });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!draft) return;
    setSaving({ state: "saving" });
    const body = {
      version,
      mus_interval_months: numberOrText(draft.mus_interval_months),
      checkin_interval_weeks: numberOrText(draft.checkin_interval_weeks),
      reminder_lead_days: numberOrText(draft.reminder_lead_days),
      agreement_retention_months: numberOrText(draft.agreement_retention_months),
      notes_retention_days: numberOrText(draft.notes_retention_days),
      default_mus_template: draft.default_mus_template || null,
    };
    try {
      const saved = await api.put<OrgSettings>("/api/organisation/settings", body);
      setDraft(draftOf(saved));
      setVersion(saved.version);
      setSaving({ state: "saved" });
    } catch (error) {
      if (error instanceof ApiError && error.code === "stale_version" && error.current) {
        // Another admin saved meanwhile: keep what this one typed, base the next save on theirs.
        setVersion((error.current as OrgSettings).version);
        setSaving({ state: "refused", message: t("ui.mymus.org.settings.stale"), field: null });
        return;
      }
      const field = error instanceof ApiError ? error.field : null;
      setSaving({ state: "refused", message: describeError(error, texts), field });
    }
  };

  const refusedField = saving.state === "refused" ? saving.field : null;
  const invalid = (name: SettingName) => (refusedField === name ? "true" : undefined);
  const describedBy = (name: SettingName, hint?: string) =>
    [hint, refusedField === name ? "org-settings-error" : null].filter(Boolean).join(" ") || undefined;

  const number = (name: keyof typeof BOUNDS, hintKey: string, optional = false) => {
    const [min, max] = BOUNDS[name];
    return (
      <div class="field">
        <label for={`org-${name}`}>{t(`ui.mymus.org.field.${name}`)}</label>
        <input
          id={`org-${name}`}
          class="input"
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          required={!optional}
          value={draft?.[name] ?? ""}
          onInput={set(name)}
          aria-invalid={invalid(name)}
          aria-describedby={describedBy(name, `org-${name}-hint`)}
        />
        <p class="hint" id={`org-${name}-hint`}>
          {t(hintKey, { min, max })}
        </p>
      </div>
    );
  };

  const musTemplates = templates.status === "ok" ? templates.value.filter((x) => x.kind === "mus" && !x.builtin) : [];
  const builtin = templates.status === "ok" ? templates.value.find((x) => x.builtin && x.kind === "mus") : undefined;

  return (
    <div class="org-part" data-testid="org-settings">
      <h3 id="org-settings-heading" class="org-part-title">
        {t("ui.mymus.org.settings.heading")}
      </h3>
      {loaded.status === "loading" && <Loading />}
      {loaded.status === "error" && <ErrorNotice message={describeError(loaded.error, texts)} onRetry={reload} />}
      {draft && (
        <form class="stack org-form" aria-labelledby="org-settings-heading" onSubmit={submit} noValidate>
          {number("mus_interval_months", "ui.mymus.org.settings.range")}
          <div class="field">
            <label for="org-checkin_interval_weeks">{t("ui.mymus.org.field.checkin_interval_weeks")}</label>
            <select
              id="org-checkin_interval_weeks"
              class="input"
              value={draft.checkin_interval_weeks}
              onChange={set("checkin_interval_weeks")}
              aria-invalid={invalid("checkin_interval_weeks")}
              aria-describedby={describedBy("checkin_interval_weeks")}
            >
              <option value="">{t("ui.mymus.org.settings.checkin_none")}</option>
              {CHECKIN_WEEKS.map((weeks) => (
                <option key={weeks} value={String(weeks)}>
                  {t("ui.mymus.org.settings.checkin_weeks", { weeks })}
                </option>
              ))}
            </select>
          </div>
          {number("reminder_lead_days", "ui.mymus.org.settings.range")}
          {number("agreement_retention_months", "ui.mymus.org.settings.agreement_hint", true)}
          {number("notes_retention_days", "ui.mymus.org.settings.notes_hint")}
          <div class="field">
            <label for="org-default_mus_template">{t("ui.mymus.org.field.default_mus_template")}</label>
            <select
              id="org-default_mus_template"
              class="input"
              value={draft.default_mus_template}
              onChange={set("default_mus_template")}
              aria-invalid={invalid("default_mus_template")}
              aria-describedby={describedBy("default_mus_template")}
            >
              <option value="">
                {t("ui.mymus.org.settings.builtin_template", { name: builtin ? localised(builtin.name, language) : "MUS" })}
              </option>
              {musTemplates
                .filter((x) => !x.retired || x.key === draft.default_mus_template)
                .map((x) => (
                  <option key={x.key} value={x.key}>
                    {localised(x.name, language)}
                  </option>
                ))}
            </select>
          </div>
          <div class="org-actions">
            <button type="submit" class="button button-primary" disabled={saving.state === "saving"}>
              {saving.state === "saving" ? t("ui.mymus.org.settings.saving") : t("ui.mymus.org.settings.save")}
            </button>
          </div>
          {saving.state === "refused" && (
            <p class="hint-error" id="org-settings-error" role="alert" data-testid="org-settings-error">
              {saving.message}
            </p>
          )}
          <p role="status" class={saving.state === "saved" ? "hint" : "visually-hidden"} data-testid="org-settings-status">
            {saving.state === "saved" ? t("ui.mymus.org.settings.saved") : ""}
          </p>
        </form>
      )}
    </div>
  );
}

// --- templates -----------------------------------------------------------------------------------

type SectionDraft = { key: string; da: string; en: string; tools: Tool[] };
type TemplateDraft = { key: string; kind: "mus" | "checkin"; da: string; en: string; sections: SectionDraft[]; version: number | null };

let sectionCounter = 0;
const newSection = (): SectionDraft => ({
  key: `punkt-${Date.now().toString(36)}-${(sectionCounter += 1)}`,
  da: "",
  en: "",
  tools: [],
});

const draftOfTemplate = (x: Template): TemplateDraft => ({
  key: x.key,
  kind: x.kind,
  da: x.name.da ?? "",
  en: x.name.en ?? "",
  sections: x.sections.map((s) => ({ key: s.key, da: s.title.da ?? "", en: s.title.en ?? "", tools: [...s.tools] })),
  version: x.version,
});

/** Only the languages filled in (the API needs at least one). */
const texts2 = (da: string, en: string): Record<string, string> => {
  const result: Record<string, string> = {};
  if (da.trim()) result.da = da.trim();
  if (en.trim()) result.en = en.trim();
  return result;
};

function Templates({ templates, reload }: { templates: Load<Template[]>; reload: () => void }) {
  const texts = useTexts();
  const { t, language } = texts;
  const { api } = useSession();
  const [editing, setEditing] = useState<TemplateDraft | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: "done" | "refused"; text: string } | null>(null);

  const retire = async (x: Template) => {
    try {
      await api.post<Template>(`/api/templates/${encodeURIComponent(x.key)}/retire`, { version: x.version });
      setNotice({ kind: "done", text: t("ui.mymus.org.templates.retired_done", { name: localised(x.name, language) }) });
      setConfirming(null);
      reload();
    } catch (error) {
      setNotice({ kind: "refused", text: describeError(error, texts) });
    }
  };

  const own = templates.status === "ok" ? templates.value.filter((x) => !x.builtin) : [];
  return (
    <div class="org-part" data-testid="org-templates">
      <h3 id="org-templates-heading" class="org-part-title">
        {t("ui.mymus.org.templates.heading")}
      </h3>
      {templates.status === "loading" && <Loading />}
      {templates.status === "error" && <ErrorNotice message={describeError(templates.error, texts)} onRetry={reload} />}
      {templates.status === "ok" && (
        <ul class="mymus-cards org-templates">
          {templates.value.map((x) => {
            const name = localised(x.name, language);
            return (
              <li key={x.key} class="mymus-card" data-template={x.key} data-retired={x.retired ? "true" : "false"}>
                <h4 class="mymus-card-title">{name}</h4>
                <p class="hint">
                  {t(`ui.kind.${x.kind}`)} · {t("ui.mymus.org.templates.sections", { count: x.sections.length })}
                  {x.builtin && <> · {t("ui.mymus.org.templates.builtin")}</>}
                  {x.retired && <> · {t("ui.mymus.org.templates.retired")}</>}
                </p>
                {!x.builtin && !x.retired && (
                  <div class="org-actions">
                    <button type="button" class="button button-small" onClick={() => setEditing(draftOfTemplate(x))}>
                      {t("ui.mymus.org.templates.edit", { name })}
                    </button>
                    {confirming === x.key ? (
                      <>
                        <span class="hint">{t("ui.mymus.org.templates.retire_confirm", { name })}</span>
                        <button type="button" class="button button-small" onClick={() => retire(x)}>
                          {t("ui.mymus.org.templates.retire", { name })}
                        </button>
                        <button type="button" class="button button-small button-subtle" onClick={() => setConfirming(null)}>
                          {t("ui.mymus.org.templates.cancel")}
                        </button>
                      </>
                    ) : (
                      <button type="button" class="button button-small button-subtle" onClick={() => setConfirming(x.key)}>
                        {t("ui.mymus.org.templates.retire", { name })}
                      </button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {templates.status === "ok" && own.length === 0 && <p class="hint">{t("ui.mymus.org.templates.empty")}</p>}
      {notice && (
        <p class={notice.kind === "refused" ? "hint-error" : "hint"} role={notice.kind === "refused" ? "alert" : "status"}>
          {notice.text}
        </p>
      )}
      {editing ? (
        <TemplateEditor
          draft={editing}
          onChange={setEditing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice({ kind: "done", text: t("ui.mymus.org.templates.saved", { name: localised(saved.name, language) }) });
            reload();
          }}
        />
      ) : (
        <div class="org-actions">
          <button
            type="button"
            class="button"
            onClick={() => {
              setNotice(null);
              setEditing({ key: "", kind: "mus", da: "", en: "", sections: [newSection()], version: null });
            }}
          >
            {t("ui.mymus.org.templates.new")}
          </button>
        </div>
      )}
    </div>
  );
}

function TemplateEditor({
  draft,
  onChange,
  onCancel,
  onSaved,
}: {
  draft: TemplateDraft;
  onChange: (d: TemplateDraft) => void;
  onCancel: () => void;
  onSaved: (t: Template) => void;
}) {
  const texts = useTexts();
  const { t } = texts;
  const { api } = useSession();
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const creating = draft.version === null;
  const value = (event: Event) => (event.currentTarget as HTMLInputElement).value;
  const setSection = (index: number, change: Partial<SectionDraft>) =>
    onChange({ ...draft, sections: draft.sections.map((s, i) => (i === index ? { ...s, ...change } : s)) });

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setRefused(null);
    const body = {
      name: texts2(draft.da, draft.en),
      sections: draft.sections.map((s) => ({ key: s.key, title: texts2(s.da, s.en), tools: s.tools })),
    };
    try {
      const saved = creating
        ? await api.post<Template>("/api/templates", { ...body, key: draft.key.trim(), kind: draft.kind }, crypto.randomUUID())
        : await api.put<Template>(`/api/templates/${encodeURIComponent(draft.key)}`, { ...body, version: draft.version });
      onSaved(saved);
    } catch (error) {
      setRefused(describeError(error, texts));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack org-form org-editor" aria-labelledby="org-editor-heading" onSubmit={submit} noValidate data-testid="org-template-editor">
      <h4 id="org-editor-heading" class="org-part-title">
        {creating ? t("ui.mymus.org.templates.new") : t("ui.mymus.org.templates.edit", { name: draft.da || draft.en || draft.key })}
      </h4>
      {creating && (
        <>
          <div class="field">
            <label for="org-template-key">{t("ui.mymus.org.templates.key")}</label>
            <input id="org-template-key" class="input" value={draft.key} onInput={(e) => onChange({ ...draft, key: value(e) })} />
          </div>
          <div class="field">
            <label for="org-template-kind">{t("ui.mymus.org.templates.kind")}</label>
            <select
              id="org-template-kind"
              class="input"
              value={draft.kind}
              onChange={(e) => onChange({ ...draft, kind: value(e) as TemplateDraft["kind"] })}
            >
              <option value="mus">{t("ui.kind.mus")}</option>
              <option value="checkin">{t("ui.kind.checkin")}</option>
            </select>
          </div>
        </>
      )}
      <div class="field">
        <label for="org-template-name-da">{t("ui.mymus.org.templates.name_da")}</label>
        <input id="org-template-name-da" class="input" value={draft.da} onInput={(e) => onChange({ ...draft, da: value(e) })} />
      </div>
      <div class="field">
        <label for="org-template-name-en">{t("ui.mymus.org.templates.name_en")}</label>
        <input id="org-template-name-en" class="input" value={draft.en} onInput={(e) => onChange({ ...draft, en: value(e) })} />
      </div>
      {draft.sections.map((section, index) => (
        <fieldset key={section.key} class="field-group org-section">
          <legend>{t("ui.mymus.org.templates.section", { number: index + 1 })}</legend>
          <div class="field">
            <label for={`org-section-${index}-da`}>{t("ui.mymus.org.templates.title_da")}</label>
            <input id={`org-section-${index}-da`} class="input" value={section.da} onInput={(e) => setSection(index, { da: value(e) })} />
          </div>
          <div class="field">
            <label for={`org-section-${index}-en`}>{t("ui.mymus.org.templates.title_en")}</label>
            <input id={`org-section-${index}-en`} class="input" value={section.en} onInput={(e) => setSection(index, { en: value(e) })} />
          </div>
          <fieldset class="field-group">
            <legend>{t("ui.mymus.org.templates.tools")}</legend>
            <div class="org-tools">
              {TOOLS.map((tool) => (
                <label key={tool} class="choice">
                  <input
                    type="checkbox"
                    checked={section.tools.includes(tool)}
                    onChange={(e) =>
                      setSection(index, {
                        tools: (e.currentTarget as HTMLInputElement).checked
                          ? [...section.tools, tool]
                          : section.tools.filter((x) => x !== tool),
                      })
                    }
                  />
                  {t(`ui.mymus.org.tool.${tool}`)}
                </label>
              ))}
            </div>
          </fieldset>
          {draft.sections.length > 1 && (
            <button
              type="button"
              class="button button-small button-subtle"
              onClick={() => onChange({ ...draft, sections: draft.sections.filter((_, i) => i !== index) })}
            >
              {t("ui.mymus.org.templates.remove_section", { number: index + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <div class="org-actions">
        <button type="button" class="button" onClick={() => onChange({ ...draft, sections: [...draft.sections, newSection()] })}>
          {t("ui.mymus.org.templates.add_section")}
        </button>
      </div>
      {refused && (
        <p class="hint-error" role="alert" data-testid="org-template-error">
          {refused}
        </p>
      )}
      <div class="org-actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {t("ui.mymus.org.templates.save")}
        </button>
        <button type="button" class="button button-subtle" onClick={onCancel}>
          {t("ui.mymus.org.templates.cancel")}
        </button>
      </div>
    </form>
  );
}
