// The mapping from VS Code's `copydesk.*` settings to the JSON object the copydesk server reads,
// both as `initializationOptions` and as the `copydesk` section of
// `workspace/didChangeConfiguration`. No `vscode` import: unit tests run it under plain Node.
//
// Only what the user set is sent as a choice. A desk's `.copydesk.toml` sets the same analysis
// settings (dates.style, figures.minCount, the rules, referenceDate), and an editor choice
// overrides it on the server; VS Code's contributed defaults are not choices, so an analysis
// setting the user did not set is sent as null ("no editor choice"), and the house rules file
// (else the server's own default) decides. The server applies only the keys it receives and
// keeps the previous value of every other key, so the mapping always sends every key: clearing
// a setting in VS Code clears it on the server too.

import { EDITOR_ONLY_KEYS, RULE_CODES, SERVER_KEYS } from "./generated";

// The rule codes, the defaults and the editor-only keys are generated from the server's own
// description of its rules and settings (see generated.ts).
export { EDITOR_ONLY_KEYS, RULE_CODES, SERVER_KEYS };

/** The configuration section of this extension, and the section name the server expects. */
export const SECTION = "copydesk";

export type RuleCode = (typeof RULE_CODES)[number];

/** What a `copydesk.rules.<code>` setting may be set to in the settings UI. */
export const RULE_CHOICES = ["on", "off", "error", "warning", "information", "hint"] as const;

export const DATE_STYLES = ["ap", "iso", "long"] as const;

/** A rule as the server reads it: on/off, a severity, or both. */
export type RuleSetting = boolean | string | { enabled?: boolean; severity?: string };

/** The `copydesk` settings object in the server's JSON shape (see src/lsp/config.rs). */
export interface ServerSettings {
  referenceDate: string | null;
  debounceMs: number;
  maxFileBytes: number;
  figures: { minCount: number | null };
  rules: Record<RuleCode, RuleSetting | null>;
  dates: { style: string | null; inlayHints: boolean };
}

/**
 * Reads one setting below `copydesk.` by its dotted key (`"figures.minCount"`), returning the
 * value the user set (in user, workspace or folder settings), or undefined when the user set
 * none: `WorkspaceConfiguration.inspect`, never `get`, which would return the default.
 */
export type SettingsReader = (key: string) => unknown;

/**
 * The value the user set for `key` in the most specific scope that has one (folder, then
 * workspace, then user settings), from what `WorkspaceConfiguration.inspect` returns.
 */
export function userValue(
  inspected:
    | { globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown }
    | undefined,
): unknown {
  return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
}

/** Settings that belong to the extension itself and are never sent to the server. */
export const CLIENT_ONLY_KEYS = ["server.path", "trace.server"] as const;

/** An editor-only setting: the user's value, else its default. */
function read(get: SettingsReader, key: string): unknown {
  const value = get(key);
  return value === undefined ? SERVER_KEYS[key] : value;
}

/** A setting the house rules file may also set: the user's value, else null (no choice). */
function choice(get: SettingsReader, key: string): unknown {
  const value = get(key);
  return value === undefined ? null : value;
}

/** A whole number as the server wants it; anything else is passed on for the server to report. */
function wholeNumber(value: unknown): number {
  if (value === null) {
    return value as unknown as number;
  }
  if (typeof value === "number" && Number.isFinite(value)) {
    return Math.max(0, Math.round(value));
  }
  if (typeof value === "string" && /^\s*\d+\s*$/.test(value)) {
    return Number.parseInt(value, 10);
  }
  return value as number;
}

/** `"on"` and `true` turn a rule on with its own severity; `"off"` and `false` turn it off. */
export function ruleSetting(value: unknown): RuleSetting {
  if (value === undefined || value === null || value === true) {
    return true;
  }
  if (value === false) {
    return false;
  }
  if (typeof value === "string") {
    const choice = value.trim().toLowerCase();
    if (choice === "on" || choice === "") {
      return true;
    }
    if (choice === "off") {
      return false;
    }
    // The severities are understood by the server as they are; an unknown word is
    // passed on so that the server reports it instead of it being dropped silently.
    return choice;
  }
  return value as RuleSetting;
}

/** An empty date means "none" (null); anything that is not a string goes on for the server to report. */
function dateSetting(value: unknown): string | null {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value === "string") {
    return value.trim() === "" ? null : value.trim();
  }
  return value as string;
}

/** The server's settings object for what the user set, as `get` reads it. */
export function toServerSettings(get: SettingsReader): ServerSettings {
  const rules = {} as Record<RuleCode, RuleSetting | null>;
  for (const code of RULE_CODES) {
    const value = choice(get, `rules.${code}`);
    rules[code] = value === null ? null : ruleSetting(value);
  }
  const style = choice(get, "dates.style");
  return {
    referenceDate: dateSetting(choice(get, "referenceDate")),
    debounceMs: wholeNumber(read(get, "debounceMs")),
    maxFileBytes: wholeNumber(read(get, "maxFileBytes")),
    figures: { minCount: wholeNumber(choice(get, "figures.minCount")) },
    rules,
    dates: {
      style: typeof style === "string" ? style.trim().toLowerCase() : (style as string | null),
      inlayHints: read(get, "dates.inlayHints") !== false,
    },
  };
}

/**
 * A reader over the settings a user set, as plain objects. `values` may be flat
 * (`{"figures.minCount": 5}`) or nested (`{figures: {minCount: 5}}`), as settings.json allows
 * both; a key the user did not set reads as undefined.
 */
export function readerFromObjects(values: Record<string, unknown> = {}): SettingsReader {
  return (key) => {
    const flat = values[key];
    if (flat !== undefined) {
      return flat;
    }
    let nested: unknown = values;
    for (const part of key.split(".")) {
      nested =
        nested !== null && typeof nested === "object"
          ? (nested as Record<string, unknown>)[part]
          : undefined;
    }
    return nested;
  };
}

/** The defaults that package.json contributes, keyed below `copydesk.`. */
export function contributedDefaults(packageJson: {
  contributes?: { configuration?: { properties?: Record<string, { default?: unknown }> } };
}): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  const properties = packageJson.contributes?.configuration?.properties ?? {};
  for (const [name, property] of Object.entries(properties)) {
    if (name.startsWith(`${SECTION}.`)) {
      defaults[name.slice(SECTION.length + 1)] = property.default;
    }
  }
  return defaults;
}
