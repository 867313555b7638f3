// 設定 → 診断: host, platform, Office version, the requirement sets the host has, the last
// errors with Office's debugInfo — shown, and copied as text for a help desk.

import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Language } from "../core/findings";
import type { HostInfo } from "../port/workbookPort";
import { diagnosticsLabel, diagnosticsText, supportedSets, type LoggedError } from "./diagnostics";
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
  const l = (key: Parameters<typeof diagnosticsLabel>[1]) => diagnosticsLabel(lang, key);
  const rows: [string, string][] = [[l("tool"), TOOL_VERSION]];
  if (info) {
    rows.push([l("host"), info.host], [l("platform"), info.platform], [l("version"), info.version]);
    rows.push([l("sets"), supportedSets(info).join("; ") || l("none")]);
    rows.push([l("downloads"), info.downloads ? l("yes") : l("no")]);
  } else rows.push([l("host"), l("unknown")]);
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
      <h4 className={shared.meta}>{l("errors")}</h4>
      {errors.length === 0 ? (
        <p className={shared.meta}>{l("none")}</p>
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
