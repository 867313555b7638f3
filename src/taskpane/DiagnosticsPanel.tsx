// 設定 → 診断: host, platform, Office version, the requirement sets the host has, the last
// errors with Office's debugInfo — shown, and copied as text for a help desk.

import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Language } from "../core/findings";
import type { HostInfo } from "../port/workbookPort";
import { diagnosticsText, supportedSets, type DiagnosticsLabel, type LoggedError } from "./diagnostics";
import { copyText } from "./download";
import { t } from "./i18n";
import { useSharedStyles } from "./ui";
import { TOOL_VERSION } from "./version";

const useStyles = makeStyles({
  list: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
  errors: { margin: `${tokens.spacingVerticalXS} 0`, paddingInlineStart: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

export function DiagnosticsPanel({ info, errors, lang, onCopied, onError }: { info: HostInfo | null; errors: readonly LoggedError[]; lang: Language; onCopied: () => void; onError: (e: unknown) => void }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const l = (key: DiagnosticsLabel) => t(lang, key);
  const rows: [string, string][] = [[l("diagTool"), TOOL_VERSION]];
  if (info) {
    rows.push([l("diagHost"), info.host], [l("diagPlatform"), info.platform], [l("diagVersion"), info.version]);
    rows.push([l("diagSets"), supportedSets(info).join("; ") || l("diagNone")]);
    rows.push([l("diagDownloads"), info.downloads ? l("diagYes") : l("diagNo")]);
  } else rows.push([l("diagHost"), l("diagUnknown")]);
  return (
    <section aria-labelledby="diagnostics-heading" data-testid="diagnostics">
      <h3 id="diagnostics-heading" className={shared.heading}>
        {t(lang, "diagnostics")}
      </h3>
      <dl className={styles.list}>
        {rows.map(([term, value]) => (
          <React.Fragment key={term}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </React.Fragment>
        ))}
      </dl>
      <h4 className={shared.meta}>{l("diagErrors")}</h4>
      {errors.length === 0 ? (
        <p className={shared.meta}>{l("diagNone")}</p>
      ) : (
        <ol className={styles.errors} data-testid="diagnostics-errors">
          {errors.map((e, i) => (
            <li key={i}>
              {e.at} {e.code ?? "-"} {e.message}
              {e.debugInfo ? ` ${JSON.stringify(e.debugInfo)}` : ""}
            </li>
          ))}
        </ol>
      )}
      <Button size="small" onClick={() => copyText(diagnosticsText(info, errors, TOOL_VERSION, lang)).then(onCopied, onError)}>
        {t(lang, "copyDiagnostics")}
      </Button>
    </section>
  );
}
