import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";

import {
  CLIENT_ONLY_KEYS,
  RULE_CHOICES,
  RULE_CODES,
  SERVER_KEYS,
  contributedDefaults,
  readerFromObjects,
  ruleSetting,
  toServerSettings,
  userValue,
} from "../src/settings";
import { REPO_ROOT, manifest } from "./support";

/** The rules object the mapping sends when the user chose `chosen` and nothing else. */
function rulesWith(chosen: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(RULE_CODES.map((code) => [code, chosen[code] ?? null]));
}

describe("settings mapping", () => {
  it("sends no choice for a setting the user did not set, so that the house rules apply", () => {
    // Only the editor's own settings (debounce, size limit, inlay hints) go with their defaults;
    // every setting a desk's .copydesk.toml may also set is null: "no editor choice".
    assert.deepEqual(toServerSettings(readerFromObjects()), {
      referenceDate: null,
      debounceMs: 150,
      maxFileBytes: 5242880,
      figures: { minCount: null },
      rules: rulesWith(),
      dates: { style: null, inlayHints: true },
    });
  });

  it("reads the user's value from the most specific scope that has one, never the default", () => {
    assert.equal(userValue(undefined), undefined);
    assert.equal(userValue({ defaultValue: "ap" } as never), undefined);
    assert.equal(userValue({ globalValue: "iso" }), "iso");
    assert.equal(userValue({ globalValue: "iso", workspaceValue: "long" }), "long");
    assert.equal(userValue({ globalValue: "iso", workspaceValue: "long", workspaceFolderValue: "ap" }), "ap");
    // A user who sets a value equal to the default has still made a choice.
    const inspected = { defaultValue: "on", globalValue: "on" };
    assert.equal(toServerSettings((key) => (key === "rules.relative-date" ? userValue(inspected) : undefined)).rules["relative-date"], true);
  });

  it("documents in package.json the defaults that apply when nothing is chosen", () => {
    const defaults = contributedDefaults(manifest());
    for (const [key, assumed] of Object.entries(SERVER_KEYS)) {
      assert.deepEqual(defaults[key], assumed, key);
    }
  });

  it("clears a setting on the server when the user clears it", () => {
    const set = toServerSettings(readerFromObjects({ "rules.relative-date": "off", "dates.style": "iso", "figures.minCount": 5 }));
    assert.equal(set.rules["relative-date"], false);
    assert.equal(set.dates.style, "iso");
    assert.equal(set.figures.minCount, 5);
    const cleared = toServerSettings(readerFromObjects({}));
    assert.equal(cleared.rules["relative-date"], null);
    assert.equal(cleared.dates.style, null);
    assert.equal(cleared.figures.minCount, null);
  });

  it("maps user values to the server's JSON shape", () => {
    const settings = toServerSettings(
      readerFromObjects({
        referenceDate: " 2022-02-28 ",
        debounceMs: 0,
        maxFileBytes: 1000,
        "figures.minCount": 50,
        "rules.unattributed-quote": "off",
        "rules.relative-date": "hint",
        "rules.unsourced-figure": "information",
        "dates.style": "iso",
        "dates.inlayHints": false,
        "server.path": "/opt/copydesk",
        "trace.server": "verbose",
      }),
    );
    assert.deepEqual(settings, {
      referenceDate: "2022-02-28",
      debounceMs: 0,
      maxFileBytes: 1000,
      figures: { minCount: 50 },
      rules: rulesWith({ "unattributed-quote": false, "relative-date": "hint", "unsourced-figure": "information" }),
      dates: { style: "iso", inlayHints: false },
    });
    // The extension's own settings never reach the server.
    assert.equal(JSON.stringify(settings).includes("/opt/copydesk"), false);
    assert.equal(JSON.stringify(settings).includes("verbose"), false);
  });

  it("reads nested objects as settings.json allows them", () => {
    const settings = toServerSettings(
      readerFromObjects({
        figures: { minCount: 7 },
        rules: { "relative-date": false, "unsourced-figure": { enabled: true, severity: "hint" } },
        dates: { style: "long" },
      }),
    );
    assert.deepEqual(settings.figures, { minCount: 7 });
    assert.deepEqual(
      settings.rules,
      rulesWith({ "relative-date": false, "unsourced-figure": { enabled: true, severity: "hint" } }),
    );
    assert.deepEqual(settings.dates, { style: "long", inlayHints: true });
  });

  it("sends a cleared reference date as null, so that the server forgets the old one", () => {
    for (const cleared of ["", "   ", null, undefined]) {
      assert.equal(toServerSettings(readerFromObjects({ referenceDate: cleared })).referenceDate, null);
    }
  });

  it("always sends every key, because the server keeps keys it does not receive", () => {
    const settings = toServerSettings(() => undefined);
    assert.deepEqual(Object.keys(settings).sort(), ["dates", "debounceMs", "figures", "maxFileBytes", "referenceDate", "rules"]);
    assert.deepEqual(Object.keys(settings.rules).sort(), [...RULE_CODES].sort());
  });

  it("passes values it cannot use on, for the server to report them", () => {
    const settings = toServerSettings(
      readerFromObjects({ referenceDate: "last week", "rules.relative-date": "loud", debounceMs: "fast" }),
    );
    assert.equal(settings.referenceDate, "last week");
    assert.equal(settings.rules["relative-date"], "loud");
    assert.equal(settings.debounceMs, "fast" as unknown as number);
  });

  it("turns the rule choices into what the server accepts", () => {
    assert.equal(ruleSetting("on"), true);
    assert.equal(ruleSetting(true), true);
    assert.equal(ruleSetting("off"), false);
    assert.equal(ruleSetting(" OFF "), false);
    assert.equal(ruleSetting(false), false);
    assert.equal(ruleSetting("Warning"), "warning");
    assert.equal(ruleSetting(undefined), true);
  });

  it("rounds whole numbers and accepts them as strings", () => {
    const settings = toServerSettings(readerFromObjects({ debounceMs: 99.6, "figures.minCount": "250" }));
    assert.equal(settings.debounceMs, 100);
    assert.equal(settings.figures.minCount, 250);
  });
});

describe("package.json contributes the settings", () => {
  const properties = manifest().contributes.configuration.properties;
  const contributed = Object.keys(properties).map((name) => name.replace(/^copydesk\./, ""));

  it("contributes exactly the keys the mapping reads, plus the extension's own", () => {
    assert.deepEqual(contributed.sort(), [...Object.keys(SERVER_KEYS), ...CLIENT_ONLY_KEYS].sort());
  });

  it("gives every setting a description and the default the mapping assumes", () => {
    for (const [key, assumed] of Object.entries(SERVER_KEYS)) {
      const property = properties[`copydesk.${key}`];
      assert.ok(property.markdownDescription ?? property.description, `copydesk.${key} has a description`);
      assert.deepEqual(property.default, assumed, `default of copydesk.${key}`);
    }
  });

  it("offers the rule choices and date styles as enums", () => {
    for (const code of RULE_CODES) {
      assert.deepEqual(properties[`copydesk.rules.${code}`].enum, [...RULE_CHOICES]);
    }
    assert.deepEqual(properties["copydesk.dates.style"].enum, ["ap", "iso", "long"]);
    assert.deepEqual(properties["copydesk.trace.server"].enum, ["off", "messages", "verbose"]);
  });

  it("covers every setting the server reads (src/lsp/config.rs)", () => {
    const source = fs.readFileSync(path.join(REPO_ROOT, "src", "lsp", "config.rs"), "utf8");
    // The top-level keys: the match arms of `apply` itself, not of the helpers after it.
    const start = source.indexOf("pub fn apply(");
    const end = source.indexOf("\n    fn ", start);
    const apply = source.slice(start, end > start ? end : undefined);
    const keys = new Set<string>();
    for (const match of apply.matchAll(/^\s*((?:"[A-Za-z.]+"\s*\|?\s*)+)=>/gm)) {
      for (const key of match[1].matchAll(/"([A-Za-z.]+)"/g)) {
        keys.add(key[1]);
      }
    }
    assert.ok(keys.has("debounceMs") && keys.has("rules"), `found the server's keys: ${[...keys].join(", ")}`);
    // Keys the server names only to ignore them (they belong to editor extensions).
    for (const ignored of ["trace", "server", "path"]) {
      keys.delete(ignored);
    }
    const top = new Set(Object.keys(SERVER_KEYS).map((key) => key.split(".")[0]));
    const missing = [...keys].filter((key) => !top.has(key));
    assert.deepEqual(
      missing,
      [],
      "the server reads settings that the VS Code extension does not contribute: add them to " +
        "editors/vscode/package.json and editors/vscode/src/settings.ts (and the Neovim help)",
    );
  });
});
