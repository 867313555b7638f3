// The add-in's version for the audit report (the CLI reads the same package.json at run time).
import packageJson from "../../package.json";

export const TOOL_VERSION: string = packageJson.version;
