import { useEffect, useMemo, useRef, useState } from "preact/hooks";

import { type Language, languageOf, Texts, TextsContext } from "../lib/i18n";
import { applyTheme, type Theme } from "../lib/theme";
import { LOCALES, type SimulatorBoot } from "./boot";
import { frameSpec, type View } from "./frames";
import { type BoundFrame, type HostBridge, SimulatedHost, type TabSettings } from "./host";
import { LogPanel } from "./LogPanel";
import { type ColumnState, ParticipantColumn } from "./Participant";

interface StageState {
  url: string;
  sharer: string;
}

const THEMES: Theme[] = ["default", "dark", "contrast"];
const LANGUAGES: Language[] = ["da", "en"];

/** The tab added to the meeting is the meeting's, as in Teams: it outlives a reload of the simulator
 * page (kept per meeting in sessionStorage, so a fresh meeting or browser tab starts empty). */
function tabKey(boot: SimulatorBoot): string {
  return `mus-simulator:tab:${boot.meeting.id}`;
}

export function savedTab(boot: SimulatorBoot): TabSettings | null {
  try {
    const saved = window.sessionStorage.getItem(tabKey(boot));
    const tab = saved ? (JSON.parse(saved) as TabSettings) : null;
    return tab && typeof tab.contentUrl === "string" ? tab : null;
  } catch {
    return null;
  }
}

function keepTab(boot: SimulatorBoot, tab: TabSettings): void {
  try {
    window.sessionStorage.setItem(tabKey(boot), JSON.stringify(tab));
  } catch {
    // Storage may be off (private mode): the tab is then kept until the page reloads.
  }
}

export function Simulator({ boot }: { boot: SimulatorBoot }) {
  const [theme, setTheme] = useState<Theme>("default");
  const [language, setLanguage] = useState<Language>(boot.language);
  const [generation, setGeneration] = useState(0);
  const [tab, setTab] = useState<TabSettings | null>(() => savedTab(boot));
  const [stage, setStage] = useState<StageState | null>(null);
  const [viewer, setViewer] = useState(boot.participants[0]?.key ?? "");
  const [failSignIn, setFailSignIn] = useState(false);
  const [columns, setColumns] = useState<Record<string, ColumnState>>(() =>
    Object.fromEntries(boot.participants.map((p) => [p.key, { view: "sidepanel", valid: false, saving: false, note: null }])),
  );
  const texts = useMemo(() => new Texts(boot.texts, language), [boot.texts, language]);
  const { t } = texts;
  const frames = useRef(new Map<string, HTMLIFrameElement | null>());
  const lastSettings = useRef(new Map<string, TabSettings>());
  // `?locale.<participant>=en`: that participant's Teams client runs in another language (people
  // in one meeting may use Teams in different languages); the others follow the simulator's.
  const ownLanguage = useMemo(() => {
    const query = new URLSearchParams(window.location.search);
    const found = boot.participants.map((p) => [p.key, languageOf(query.get(`locale.${p.key}`))] as const);
    return new Map(found.filter((entry): entry is readonly [string, Language] => entry[1] !== null));
  }, [boot]);
  const live = useRef({ theme, language, stage, failSignIn });
  live.current = { theme, language, stage, failSignIn };

  const updateColumn = (key: string, change: Partial<ColumnState>) =>
    setColumns((all) => ({ ...all, [key]: { ...all[key], ...change } }));

  const host = useMemo(() => {
    const bridge: HostBridge = {
      boot,
      theme: () => live.current.theme,
      locale: (participant?: string) =>
        LOCALES[(participant && ownLanguage.get(participant)) || live.current.language],
      stageUrl: () => live.current.stage?.url ?? null,
      failSignIn: () => live.current.failSignIn,
      onValidity: (frame: BoundFrame, valid: boolean) => updateColumn(frame.participant.key, { valid }),
      onSettings: (frame: BoundFrame, settings: TabSettings) => lastSettings.current.set(frame.participant.key, settings),
      onShare: (frame: BoundFrame, url: string) => {
        setStage({ url, sharer: frame.participant.key });
        setViewer(frame.participant.key);
      },
      onStopSharing: () => setStage(null),
    };
    return new SimulatedHost(bridge);
  }, [boot]);

  useEffect(() => host.start(), [host]);
  const themeShown = useRef(false);
  useEffect(() => {
    applyTheme(theme);
    // Tabs read the first theme from their context; later changes are pushed as Teams does.
    if (themeShown.current) host.broadcast("themeChange", [theme]);
    themeShown.current = true;
  }, [host, theme]);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t("ui.sim.title");
  }, [language, t]);

  const changeLanguage = (next: Language) => {
    setLanguage(next);
    setGeneration((n) => n + 1); // Teams reloads its apps when the language changes
  };

  const save = async (key: string) => {
    const element = frames.current.get(key);
    if (!element) return;
    updateColumn(key, { saving: true, note: null });
    try {
      await host.save(element);
      const settings = lastSettings.current.get(key);
      if (!settings) throw new Error("no settings");
      setTab(settings);
      keepTab(boot, settings);
      updateColumn(key, { saving: false, view: "sidepanel", valid: false, note: t("ui.sim.saved") });
    } catch {
      updateColumn(key, { saving: false, note: t("ui.sim.save_failed") });
    }
  };

  const shareFromTray = (key: string) => {
    setStage({ url: frameSpec("content", tab).src.replace(/^\/tab\/content(?=\?|$)/, "/tab/stage"), sharer: key });
    setViewer(key);
  };

  const nameOf = (key: string) => boot.participants.find((p) => p.key === key)?.name ?? key;
  const stageViewer = boot.participants.find((p) => p.key === viewer) ?? boot.participants[0];

  return (
    <TextsContext.Provider value={texts}>
      <header class="sim-header">
        <div class="sim-heading">
          <h1 class="title">{t("ui.sim.title")}</h1>
          <p class="hint">{t("ui.sim.subtitle")}</p>
        </div>
        <div class="sim-controls">
          <label class="sim-control">
            <span>{t("ui.sim.theme")}</span>
            <select id="sim-theme" class="input" value={theme} onChange={(e) => setTheme(e.currentTarget.value as Theme)}>
              {THEMES.map((value) => (
                <option key={value} value={value}>
                  {t(`ui.sim.theme.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <label class="sim-control">
            <span>{t("ui.sim.language")}</span>
            <select
              id="sim-language"
              class="input"
              value={language}
              onChange={(e) => changeLanguage(e.currentTarget.value as Language)}
            >
              {LANGUAGES.map((value) => (
                <option key={value} value={value}>
                  {t(`ui.language.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <label class="sim-control sim-check">
            <input
              id="sim-fail-sso"
              type="checkbox"
              checked={failSignIn}
              onChange={(e) => setFailSignIn(e.currentTarget.checked)}
            />
            <span>{t("ui.sim.fail_sso")}</span>
          </label>
        </div>
      </header>
      <main id="main" class="sim-main">
        <p class="hint sim-meeting">
          {t("ui.sim.meeting", { id: boot.meeting.id })}{" "}
          {tab ? t("ui.sim.tab_added", { name: tab.suggestedDisplayName ?? "" }) : t("ui.sim.tab_not_added")}
        </p>
        {stage && stageViewer && (
          <section class="sim-stage" aria-labelledby="sim-stage-heading" data-testid="stage">
            <div class="sim-stage-bar">
              <h2 id="sim-stage-heading" class="section-title">
                {t("ui.sim.stage", { name: nameOf(stage.sharer) })}
              </h2>
              <label class="sim-control">
                <span>{t("ui.sim.stage_viewer")}</span>
                <select class="input" value={viewer} onChange={(e) => setViewer(e.currentTarget.value)}>
                  {boot.participants.map((p) => (
                    <option key={p.key} value={p.key}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" class="button button-small" onClick={() => setStage(null)}>
                {t("ui.sim.stop_sharing")}
              </button>
            </div>
            <iframe
              key={`stage-${stageViewer.key}-${stage.url}-${generation}`}
              class="sim-frame sim-frame-stage"
              title={t("ui.sim.frame_title.stage", { name: stageViewer.name })}
              src={stage.url}
              data-participant={stageViewer.key}
              data-frame-context="meetingStage"
              data-entity-id={tab?.entityId ?? ""}
              data-in-meeting="true"
            />
          </section>
        )}
        <div class="sim-participants">
          {boot.participants.map((participant) => {
            const column = columns[participant.key];
            const frame = frameSpec(column.view as View, tab, boot.sidePanelUrl);
            return (
              <ParticipantColumn
                key={participant.key}
                participant={participant}
                column={column}
                frame={frame}
                frameKey={`${participant.key}-${column.view}-${frame.src}-${generation}`}
                frameRef={(element) => {
                  frames.current.set(participant.key, element);
                }}
                onView={(view) => updateColumn(participant.key, { view, valid: false, note: null })}
                onSave={() => save(participant.key)}
                onShare={() => shareFromTray(participant.key)}
              />
            );
          })}
        </div>
        <LogPanel />
      </main>
    </TextsContext.Provider>
  );
}
