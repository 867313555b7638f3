// The FunctionFile of the classic manifest (manifest-classic.xml, for hosts without a shared
// runtime: Excel 2019): commands.html. "サマリー出力" runs here without opening the task pane;
// "検証" is a ShowTaskpane action there (taskpane.html?action=validate).

import { registerRibbonCommands } from "./register";

void Office.onReady(() => registerRibbonCommands());
