// The mapping from VS Code's `copydesk.*` settings to the JSON object the copydesk server reads,
// both as `initializationOptions` and as the `copydesk` section of
// `workspace/didChangeConfiguration`. No `vscode` import: unit tests run it under plain Node.
//
// The server applies only the keys it receives and keeps the previous value of every other key,
// so the mapping always sends every key: clearing a setting in VS Code must clear it on the
// server too (an empty reference date is sent as null).

/** The configuration section of this extension, and the section name the server expects. */
export const SECTION = "copydesk";

/** The rule codes, in the order of the settings UI. */
export const RULE_CODES = ["unattributed-quote", "relative-date", "unsourced-figure"] as const;
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
  rules: Record<RuleCode, RuleSetting>;
  dates: { style: string | null; inlayHints: boolean };
}

/**
 * Reads one setting below `copydesk.` by its dotted key (`"figures.minCount"`), returning the
 * user's value or the contributed default, as `WorkspaceConfiguration.get` does.
 */
export type SettingsReader = (key: string) => unknown;

/** Settings that belong to the extension itself and are never sent to the server. */
export const CLIENT_ONLY_KEYS = ["server.path", "trace.server"] as const;

/** Every key below `copydesk.` that the mapping reads, with the default it assumes. */
export const SERVER_KEYS: Record<string, unknown> = {
  referenceDate: "",
  debounceMs: 150,
  maxFileBytes: 5242880,
  "figures.minCount": 10,
  "dates.style": "ap",
  "dates.inlayHints": true,
  "rules.unattributed-quote": "on",
  "rules.relative-date": "on",
  "rules.unsourced-figure": "on",
};

function read(get: SettingsReader, key: string): unknown {
  const value = get(key);
  return value === undefined ? SERVER_KEYS[key] : value;
}

/** A whole number as the server wants it; anything else is passed on for the server to report. */
function wholeNumber(value: unknown): number {
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

/** The server's settings object for what `get` reads. */
export function toServerSettings(get: SettingsReader): ServerSettings {
  const referenceDate = read(get, "referenceDate");
  const rules = {} as Record<RuleCode, RuleSetting>;
  for (const code of RULE_CODES) {
    rules[code] = ruleSetting(read(get, `rules.${code}`));
  }
  const style = read(get, "dates.style");
  return {
    referenceDate: dateSetting(referenceDate),
    debounceMs: wholeNumber(read(get, "debounceMs")),
    maxFileBytes: wholeNumber(read(get, "maxFileBytes")),
    figures: { minCount: wholeNumber(read(get, "figures.minCount")) },
    rules,
    dates: {
      style: typeof style === "string" ? style.trim().toLowerCase() : (style as string),
      inlayHints: read(get, "dates.inlayHints") !== false,
    },
  };
}

/**
 * A reader over plain objects, with VS Code's precedence: the user's value, else the default.
 * `values` may be flat (`{"figures.minCount": 5}`) or nested (`{figures: {minCount: 5}}`), as
 * settings.json allows both.
 */
export function readerFromObjects(
  defaults: Record<string, unknown>,
  values: Record<string, unknown> = {},
): SettingsReader {
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
    return nested !== undefined ? nested : defaults[key];
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
