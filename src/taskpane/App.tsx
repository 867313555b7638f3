import * as React from "react";
import {
  Button,
  CounterBadge,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Switch,
  Tab,
  TabList,
  Toolbar,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { Finding } from "../core/findings";
import type { Settings } from "../core/settings";
import { isHiddenSheetError, type HiddenSheetError, type HostCapabilities, type WorkbookPort } from "../port/workbookPort";
import { FEATURE_SETS } from "../adapters/office/requirements";
import { allFindings, createSheetDebouncer, initialState, isCheckedSheet, paneReducer, totalCounts, type PaneState } from "./state";
import { findingCountText, progressText, t, type StringKey } from "./i18n";
import { describeError } from "./errors";
import { canStoreSettings, loadStoredSettings, storeSettings } from "./settingsStore";
import { officeThemeName, type ThemeName } from "./theme";
import { FindingsTab } from "./FindingsTab";
import { RatesTab } from "./RatesTab";
import { BudgetTab } from "./BudgetTab";
import { ProjectsTab } from "./ProjectsTab";
import { SettingsTab } from "./SettingsTab";
import { RollupTab } from "./RollupTab";
import { ReportPanel } from "./ReportPanel";
import { TemplateTab } from "./TemplateTab";
import { DiagnosticsPanel } from "./DiagnosticsPanel";
import { ListMessage } from "./ui";
import { loggedError, withError, type LoggedError } from "./diagnostics";
import { onValidateRequest } from "../commands/ribbonBus";
import { addSynonym, newProfile, parseProfileText, pinLabel, pinTarget, serializeProfile, setPin, type TemplateProfile } from "../core/profile";
import type { LocalizedText } from "../core/findings";
import type { LabelName } from "../core/vocabulary";

/** Wait after the last change to a sheet before re-reading it (typing fires many events). */
export const LIVE_DEBOUNCE_MS = 500;

/** Excel's code when a batch meets a cell being edited (a host that ignores delayForCellEdit). */
const CELL_EDIT_CODE = "InvalidOperationInCellEditMode";
const isCellEditError = (error: unknown) => typeof error === "object" && error !== null && (error as { code?: unknown }).code === CELL_EDIT_CODE;

type TabName = "findings" | "rates" | "budget" | "projects" | "rollup" | "template" | "settings";

const TABS: readonly { name: TabName; label: StringKey }[] = [
  { name: "findings", label: "tabFindings" },
  { name: "rates", label: "tabRates" },
  { name: "budget", label: "tabBudget" },
  { name: "projects", label: "tabProjects" },
  { name: "rollup", label: "tabRollup" },
  { name: "template", label: "tabTemplate" },
  { name: "settings", label: "tabSettings" },
];

/** One quiet line per feature the host lacks (older Excel), in the order of HostCapabilities. */
export function hostLimitTexts(capabilities: HostCapabilities | null, lang: "ja" | "en"): string[] {
  if (!capabilities) return [];
  const texts: Record<keyof HostCapabilities, LocalizedText> = {
    profiles: {
      ja: `この Excel ではテンプレートをブックに保存・読み込みできません (ExcelApi ${FEATURE_SETS.profiles} が必要)`,
      en: `template profiles cannot be saved in or loaded from the workbook on this Excel version (ExcelApi ${FEATURE_SETS.profiles} needed)`,
    },
    liveMode: {
      ja: `この Excel ではライブ検証を使えません (ExcelApi ${FEATURE_SETS.liveMode} が必要)`,
      en: `live validation is not available on this Excel version (ExcelApi ${FEATURE_SETS.liveMode} needed)`,
    },
    highlights: {
      ja: `この Excel では指摘セルの強調表示を使えません (ExcelApi ${FEATURE_SETS.highlights} が必要)`,
      en: `highlighting findings is not available on this Excel version (ExcelApi ${FEATURE_SETS.highlights} needed)`,
    },
    mergedCells: {
      ja: `この Excel では結合セルを読み取れません (ExcelApi ${FEATURE_SETS.mergedAreas} が必要)。結合セル内の項目を読み落とすことがあります`,
      en: `merged cells cannot be read on this Excel version (ExcelApi ${FEATURE_SETS.mergedAreas} needed); fields in merged cells may be missed`,
    },
  };
  return (Object.keys(texts) as (keyof HostCapabilities)[]).filter((k) => !capabilities[k]).map((k) => texts[k][lang]);
}

/** What the report names the workbook when the host cannot tell (a new, unsaved book). */
export const DEFAULT_SOURCE = "workbook.xlsx";

/** An error the pane raises itself, shown as is in either language. */
function paneError(text: LocalizedText): Error & { text: LocalizedText } {
  return Object.assign(new Error(text.en), { text });
}

export interface AppProps {
  port: WorkbookPort;
  /** Overrides the Office theme (browser preview, tests). */
  theme?: ThemeName;
  /** Run a check as soon as the pane opens (ribbon 検証 button: `?action=validate`). */
  autoCheck?: boolean;
  /** The workbook's file name, for the audit report. */
  source?: string;
  /** The clock, replaceable so tests can pin the report's time. */
  now?: () => Date;
}

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  toolbar: { flexWrap: "wrap", gap: tokens.spacingHorizontalXS, paddingLeft: 0, paddingRight: 0 },
  block: { marginTop: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalS },
  status: { margin: `${tokens.spacingVerticalXS} 0`, color: tokens.colorNeutralForeground2 },
  panel: { paddingTop: tokens.spacingVerticalS },
  tabs: { flexWrap: "wrap" },
});

export function App({ port, theme, autoCheck = false, source = DEFAULT_SOURCE, now = () => new Date() }: AppProps) {
  const styles = useStyles();
  const [state, dispatch] = React.useReducer(paneReducer, undefined, () => {
    const stored = loadStoredSettings();
    return initialState({ ...stored, language: stored.language ?? port.displayLanguage() });
  });
  const [tab, setTab] = React.useState<TabName>("findings");
  const [settingsStored] = React.useState(canStoreSettings);
  const lang = state.settings.language;
  // Older Excel lacks some features: they are skipped quietly, never reported as errors.
  const capabilities = React.useMemo(() => port.capabilities?.() ?? null, [port]);

  // Callbacks registered with Excel outlive a render: they read the latest state here.
  const stateRef = React.useRef<PaneState>(state);
  stateRef.current = state;

  // Every error shown is also kept for 設定 → 診断 (with Office's debugInfo).
  const [errorLog, setErrorLog] = React.useState<LoggedError[]>([]);
  const clock = React.useRef(now);
  clock.current = now;
  // Stable: live mode's subscription depends on it.
  const fail = React.useCallback((error: unknown) => {
    setErrorLog((log) => withError(log, loggedError(error, clock.current())));
    dispatch({ type: "failed", error });
  }, []);
  const hostInfo = React.useMemo(() => port.hostInfo?.() ?? null, [port]);
  /** A finding on a hidden sheet: offered as "unhide and go", or shown without navigation. */
  const [hiddenSheet, setHiddenSheet] = React.useState<{ error: HiddenSheetError; address: string } | null>(null);

  const runCheck = React.useCallback(async () => {
    dispatch({ type: "checkStarted" });
    try {
      const workbook = await port.readWorkbook({ onProgress: (progress) => dispatch({ type: "progress", progress }) });
      dispatch({ type: "checked", grids: workbook.sheets });
    } catch (error) {
      fail(error);
    }
  }, [port, fail]);

  // The profile saved in the workbook applies to every check; a bad one is reported, not used.
  React.useEffect(() => {
    if (capabilities && !capabilities.profiles) return undefined;
    let cancelled = false;
    port.loadProfile().then(
      (stored) => {
        if (cancelled || stored === null) return;
        const parsed = parseProfileText(stored.text);
        if (parsed.profile) dispatch({ type: "profileChanged", profile: parsed.profile });
        else dispatch({ type: "profileInvalid", errors: parsed.errors });
        if (stored.parts > 1) dispatch({ type: "notice", notice: { key: "profileMerged", detail: String(stored.parts) } });
      },
      (error) => {
        if (!cancelled) fail(error);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [port, fail, capabilities]);

  /** Applies, saves in the workbook and re-reads it, so the figures shown come from the new profile. */
  const changeProfile = async (profile: TemplateProfile, key: "pinnedNotice" | "synonymAdded" | "profileImported" | "profileRenamed", detail: string) => {
    dispatch({ type: "profileChanged", profile });
    try {
      await port.saveProfile(serializeProfile(profile));
    } catch (error) {
      fail(error);
      return;
    }
    if (stateRef.current.grids.length > 0) await runCheck();
    dispatch({ type: "notice", notice: { key, detail } });
  };

  const currentProfile = (): TemplateProfile => stateRef.current.profile ?? newProfile(t(lang, "defaultProfileName"));

  const pinField = async (path: string, sheetOnly: boolean) => {
    const target = pinTarget(path);
    if (!target) return;
    try {
      const selection = await port.getSelection();
      const result = setPin(currentProfile(), path, selection.address, sheetOnly ? selection.sheet : undefined);
      const label = pinLabel(target);
      if (!result.profile) {
        fail(
          paneError(
            target.kind === "cell"
              ? { ja: `「${label.ja}」にはセルを1つ選択してください(選択中: ${selection.address})。`, en: `Select one cell for ${label.en} (selected: ${selection.address}).` }
              : {
                  ja: `「${label.ja}」には見出し行を含む表の範囲を選択してください(選択中: ${selection.address})。`,
                  en: `Select the table's range, including its header row, for ${label.en} (selected: ${selection.address}).`,
                },
          ),
        );
        return;
      }
      const pinned = result.profile.sheets?.[selection.sheet]?.[path] ?? result.profile.pins[path];
      await changeProfile(result.profile, "pinnedNotice", `${label[lang]} → ${selection.sheet}!${"cell" in pinned ? pinned.cell : pinned.range}`);
    } catch (error) {
      fail(error);
    }
  };

  const addLabelSynonym = (name: LabelName, synonym: string) => {
    const before = currentProfile();
    const next = addSynonym(before, name, synonym);
    if (next === before) return; // already there: nothing to save
    void changeProfile(next, "synonymAdded", `${synonym} (${name})`);
  };

  const renameProfile = (name: string) => {
    const before = stateRef.current.profile;
    const next = before ? { ...before, name, version: before.version + 1 } : newProfile(name);
    void changeProfile(next, "profileRenamed", name);
  };

  const autoChecked = React.useRef(false);
  React.useEffect(() => {
    if (autoCheck && !autoChecked.current) {
      autoChecked.current = true;
      void runCheck();
    }
  }, [autoCheck, runCheck]);

  // The ribbon's 検証 in a shared runtime, the pane already open or not: a check each time.
  React.useEffect(() => onValidateRequest(() => void runCheck()), [runCheck]);

  React.useEffect(() => {
    if (!state.live) return undefined;
    let unsubscribe: (() => Promise<void>) | null = null;
    let stopped = false;
    const debouncer = createSheetDebouncer(LIVE_DEBOUNCE_MS, (sheet) => {
      // Sheets outside the last check (the summary sheet hyoka writes, new sheets) wait for a full check.
      if (!isCheckedSheet(stateRef.current, sheet)) return;
      port.readSheet(sheet).then(
        (grid) => {
          if (!stopped) dispatch({ type: "sheetChanged", grid });
        },
        (error) => {
          if (stopped) return;
          // The user is typing in the next cell (the port waits for that where Excel can): read again later.
          if (isCellEditError(error)) debouncer.trigger(sheet);
          else fail(error);
        },
      );
    });
    const onLiveError = (error: unknown) => {
      if (!stopped) fail(error);
    };
    port.onSheetChanged((sheet) => debouncer.trigger(sheet), onLiveError).then(
      (off) => {
        if (stopped) void off().catch(fail);
        else unsubscribe = off;
      },
      (error) => {
        fail(error);
        dispatch({ type: "liveChanged", live: false });
      },
    );
    return () => {
      stopped = true;
      debouncer.cancel();
      if (unsubscribe) void unsubscribe().catch(fail);
    };
  }, [state.live, port, fail]);

  const changeSettings = (partial: Partial<Settings>) => {
    dispatch({ type: "settingsChanged", settings: partial });
    storeSettings({ ...state.settings, ...partial });
  };

  const goTo = (sheet: string, address: string, unhide = false) => {
    setHiddenSheet(null);
    port.selectCell(sheet, address, { unhide }).catch((error: unknown) => {
      if (isHiddenSheetError(error)) setHiddenSheet({ error, address });
      else fail(error);
    });
  };

  const selectFinding = (finding: Finding) => {
    if (finding.cell) goTo(finding.sheet, finding.cell);
  };

  const writeSummary = async () => {
    try {
      const { sheetName } = await port.writeSummary(state.results, state.settings);
      dispatch({ type: "notice", notice: { key: "summaryWritten", detail: sheetName } });
    } catch (error) {
      fail(error);
    }
  };

  const highlightNotice = (key: "highlighted" | "cleared", outcome: { cells: number; protectedSheets: string[] }) => {
    const also = outcome.protectedSheets.length ? { key: "protectedLeft" as const, detail: outcome.protectedSheets.join(", ") } : undefined;
    dispatch({ type: "notice", notice: { key, detail: String(outcome.cells), also } });
  };

  const highlight = async () => {
    try {
      highlightNotice("highlighted", await port.highlightFindings(allFindings(state.results).filter((f) => f.cell !== null)));
    } catch (error) {
      fail(error);
    }
  };

  const clearHighlights = async () => {
    try {
      highlightNotice("cleared", await port.clearHighlights());
    } catch (error) {
      fail(error);
    }
  };

  const counts = totalCounts(state.results);
  const total = counts.error + counts.warning + counts.info;
  const reading = state.status === "reading";
  const hasResults = state.results.length > 0;
  const themeName = theme ?? officeThemeName();
  const hostLimits = hostLimitTexts(capabilities, lang);
  const mergesUnread = state.grids.filter((g) => g.mergesUnread).map((g) => g.name);

  return (
    <FluentProvider theme={themeName === "dark" ? webDarkTheme : webLightTheme} lang={lang} data-theme={themeName}>
      <main className={styles.root}>
        <header className={styles.header}>
          <h1 className={styles.title}>{t(lang, "appTitle")}</h1>
          <Button
            size="small"
            appearance="subtle"
            lang={lang === "ja" ? "en" : "ja"}
            title={t(lang, "switchLanguageLabel")}
            onClick={() => changeSettings({ language: lang === "ja" ? "en" : "ja" })}
          >
            {t(lang, "switchLanguage")}
          </Button>
        </header>

        <Toolbar aria-label={t(lang, "actions")} className={styles.toolbar}>
          <Button appearance="primary" onClick={() => void runCheck()} disabled={reading}>
            {t(lang, "check")}
          </Button>
          <Button onClick={() => void writeSummary()} disabled={!hasResults || reading}>
            {t(lang, "writeSummary")}
          </Button>
          <Button onClick={() => void highlight()} disabled={total === 0 || reading || capabilities?.highlights === false}>
            {t(lang, "highlight")}
          </Button>
          <Button onClick={() => void clearHighlights()} disabled={reading || capabilities?.highlights === false}>
            {t(lang, "clearHighlights")}
          </Button>
          <Switch
            label={t(lang, "liveMode")}
            checked={state.live}
            disabled={!hasResults || capabilities?.liveMode === false}
            onChange={(_, data) => dispatch({ type: "liveChanged", live: data.checked })}
          />
        </Toolbar>

        {hostLimits.length > 0 && (
          <p className={styles.status} data-testid="host-limits">
            {hostLimits.join(lang === "ja" ? "。" : "; ")}
            {lang === "ja" ? "。" : "."}
          </p>
        )}

        {mergesUnread.length > 0 && (
          <p className={styles.status} data-testid="merges-unread">
            {t(lang, "mergesUnread")}
            {mergesUnread.join(", ")}
          </p>
        )}

        {reading && (
          <Field
            className={styles.block}
            label={t(lang, "reading")}
            hint={state.progress ? progressText(lang, state.progress.done, state.progress.total) : undefined}
          >
            <ProgressBar
              value={state.progress && state.progress.total > 0 ? state.progress.done / state.progress.total : undefined}
              aria-label={t(lang, "reading")}
            />
          </Field>
        )}

        {state.error !== null && (
          <MessageBar intent="error" politeness="assertive" className={styles.block} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t(lang, "errorTitle")}</MessageBarTitle>
              <div>{describeError(state.error, lang)}</div>
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => dispatch({ type: "dismissError" })}>
                {t(lang, "dismiss")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}

        {hiddenSheet && (
          <MessageBar intent="warning" className={styles.block} layout="multiline" data-testid="hidden-sheet">
            <MessageBarBody>{hiddenSheet.error.text[lang]}</MessageBarBody>
            <MessageBarActions>
              {!hiddenSheet.error.veryHidden && (
                <Button size="small" onClick={() => goTo(hiddenSheet.error.sheet, hiddenSheet.address, true)}>
                  {t(lang, "hiddenSheetGo")}
                </Button>
              )}
              <Button size="small" onClick={() => setHiddenSheet(null)}>
                {t(lang, "dismiss")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}

        {state.notice && (
          <MessageBar intent="success" className={styles.block} layout="multiline">
            <MessageBarBody>
              {t(lang, state.notice.key)}
              {state.notice.detail}
              {state.notice.also && (
                <>
                  {lang === "ja" ? "。" : ". "}
                  {t(lang, state.notice.also.key)}
                  {state.notice.also.detail}
                </>
              )}
            </MessageBarBody>
          </MessageBar>
        )}

        <p role="status" aria-live="polite" className={styles.status}>
          {state.checkCount > 0 ? findingCountText(lang, total) : ""}
        </p>

        {state.profileErrors && (
          <ListMessage intent="warning" className={styles.block} title={t(lang, "savedProfileInvalid")} items={state.profileErrors} />
        )}

        <TabList
          className={styles.tabs}
          selectedValue={tab}
          onTabSelect={(_, data) => setTab(data.value as TabName)}
          aria-label={t(lang, "tabsLabel")}
          size="small"
        >
          {TABS.map(({ name, label }) => (
            <Tab key={name} value={name} id={`tab-${name}`}>
              {t(lang, label)}
              {name === "findings" && (
                <>
                  {" "}
                  {state.checkCount > 0 && <CounterBadge count={total} showZero size="small" color={counts.error > 0 ? "danger" : "informative"} aria-hidden />}
                </>
              )}
            </Tab>
          ))}
        </TabList>

        <div role="tabpanel" aria-labelledby={`tab-${tab}`} className={styles.panel}>
          {tab !== "settings" && state.checkCount === 0 && <p>{t(lang, "notChecked")}</p>}
          {tab === "findings" && state.checkCount > 0 && (
            <FindingsTab
              results={state.results}
              filter={state.filter}
              lang={lang}
              onFilter={(filter) => dispatch({ type: "filterChanged", filter })}
              onSelect={selectFinding}
            />
          )}
          {tab === "rates" && state.checkCount > 0 && <RatesTab results={state.results} lang={lang} />}
          {tab === "budget" && state.checkCount > 0 && <BudgetTab results={state.results} settings={state.settings} lang={lang} />}
          {tab === "projects" && state.checkCount > 0 && (
            <ProjectsTab results={state.results} lang={lang} onSelect={(sheet, address) => port.selectCell(sheet, address).catch(fail)} />
          )}
          {tab === "rollup" && state.checkCount > 0 && (
            <>
              <RollupTab
                results={state.results}
                settings={state.settings}
                lang={lang}
                links={state.links}
                onSelect={(sheet, address) => port.selectCell(sheet, address).catch(fail)}
              />
              <ReportPanel
                lang={lang}
                input={() => ({ results: state.results, settings: state.settings, profile: state.profile, source, now: now(), links: state.links })}
                fileBytes={port.fileBytes ? () => port.fileBytes!() : undefined}
                downloads={hostInfo?.downloads ?? true}
                onDone={(key, detail) => dispatch({ type: "notice", notice: { key, detail } })}
                onError={fail}
              />
            </>
          )}
          {tab === "template" && (
            <TemplateTab
              results={state.results}
              profile={state.profile}
              lang={lang}
              onSelect={goTo}
              onPin={(path, sheetOnly) => void pinField(path, sheetOnly)}
              onAddSynonym={addLabelSynonym}
              onRename={renameProfile}
              onImport={(profile) => void changeProfile(profile, "profileImported", `${profile.name} v${profile.version}`)}
              onError={fail}
              downloads={hostInfo?.downloads ?? true}
            />
          )}
          {tab === "settings" && (
            <SettingsTab settings={state.settings} lang={lang} stored={settingsStored} onChange={changeSettings}>
              <DiagnosticsPanel
                info={hostInfo}
                errors={errorLog}
                lang={lang}
                onCopied={() => dispatch({ type: "notice", notice: { key: "diagnosticsCopied", detail: "" } })}
                onError={fail}
              />
            </SettingsTab>
          )}
        </div>
      </main>
    </FluentProvider>
  );
}
