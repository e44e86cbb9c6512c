// End-to-end test of the packaged copydesk extension in a real VS Code: code-server (VS Code
// 1.100 in the browser), driven through Debian's Chromium with playwright-core. It checks what a
// user sees, step by step, and saves a screenshot of each step in the artefacts folder:
//
//   node run.mjs --vsix PATH [--code-server DIR] [--artifacts DIR]
//
// --vsix         the extension to install (a platform-specific package, with copydesk inside)
// --code-server  where install-code-server.sh installed code-server (default: .code-server)
// --artifacts    where the screenshots and, on failure, the logs go (default: artifacts)
//
// Everything the run writes (VS Code's profile, extensions, home, temporary files) goes into a
// fresh folder that is removed at the end. code-server listens on 127.0.0.1 only and runs in a
// process group of its own, which is ended however the test ends. Every wait is bounded, and a
// watchdog ends the run after OVERALL_TIMEOUT_MS. Exits 0 after printing "vscode e2e: N checks
// passed"; 1 after printing what failed.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const WAIT_MS = 30_000; // for each thing the test waits to see
const OVERALL_TIMEOUT_MS = 240_000;
const CHROMIUM = "/usr/bin/chromium";
const here = path.dirname(fileURLToPath(import.meta.url));
const isMac = process.platform === "darwin";
const mod = isMac ? "Meta" : "Control";

const DRAFT = `---
date: 2022-02-28
---

The invasion began on Thursday. Turnout rose to 12%.

“We will not raise the levy this year.”

The plan will be dropped, sources said.
`;

function parseArgs(argv) {
  const options = {
    codeServer: path.join(here, ".code-server"),
    artifacts: path.join(here, "artifacts"),
    vsix: undefined,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (name === "--vsix") options.vsix = path.resolve(value);
    else if (name === "--code-server") options.codeServer = path.resolve(value);
    else if (name === "--artifacts") options.artifacts = path.resolve(value);
    else throw new Error(`unknown argument ${name}`);
    i += 1;
  }
  if (!options.vsix || !fs.existsSync(options.vsix)) {
    throw new Error(`--vsix must name the extension package to test (got ${options.vsix})`);
  }
  return options;
}

let checks = 0;
function check(ok, what, detail = "") {
  if (!ok) {
    throw new Error(`check failed: ${what}${detail ? `\n  ${detail}` : ""}`);
  }
  checks += 1;
  console.log(`  ok ${checks} ${what}`);
}

/** Polls `probe` until it returns a truthy value, for at most WAIT_MS; returns its last value. */
async function waitFor(probe, timeout = WAIT_MS) {
  const deadline = Date.now() + timeout;
  let value;
  for (;;) {
    try {
      value = await probe();
    } catch {
      value = undefined;
    }
    if (value || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** The scratch folders of one run, and the environment that keeps code-server inside them. */
function makeScratch() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-vscode-e2e-"));
  const dirs = {
    root,
    home: path.join(root, "home"),
    tmp: path.join(root, "tmp"),
    userData: path.join(root, "user-data"),
    extensions: path.join(root, "extensions"),
    // A space and an accent, as journalists' folders have: URIs must survive the round trip.
    workspace: path.join(root, "copydesk e2e été"),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  const env = {
    ...process.env,
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: path.join(dirs.home, ".config"),
    XDG_DATA_HOME: path.join(dirs.home, ".local/share"),
    XDG_CACHE_HOME: path.join(dirs.home, ".cache"),
    XDG_STATE_HOME: path.join(dirs.home, ".local/state"),
    XDG_RUNTIME_DIR: dirs.tmp,
  };
  // The extension finds copydesk in its own package, never on the machine.
  delete env.COPYDESK_BIN;
  return { dirs, env };
}

const USER_SETTINGS = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "security.workspace.trust.enabled": false,
  "editor.inlayHints.enabled": "on",
  "editor.hover.delay": 300,
  "chat.disableAIFeatures": true,
  "git.enabled": false,
  // The test types whole lines: no closing quote or bracket may be added behind it.
  "editor.autoClosingBrackets": "never",
  "editor.autoClosingQuotes": "never",
  "editor.autoIndent": "none",
  "editor.autoSurround": "never",
};

async function main(options, cleanup) {
  const entry = path.join(options.codeServer, "node_modules/code-server/out/node/entry.js");
  if (!fs.existsSync(entry)) {
    throw new Error(`no code-server in ${options.codeServer}: run install-code-server.sh first`);
  }
  fs.rmSync(options.artifacts, { recursive: true, force: true });
  fs.mkdirSync(options.artifacts, { recursive: true });
  const { dirs, env } = makeScratch();
  cleanup.push(() => fs.rmSync(dirs.root, { recursive: true, force: true }));
  const codeServerArgs = ["--user-data-dir", dirs.userData, "--extensions-dir", dirs.extensions];

  // 1. Install the packaged extension into the fresh profile, as a user does.
  const install = spawnSync(process.execPath, [entry, ...codeServerArgs, "--install-extension", options.vsix], {
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
  check(install.status === 0, "code-server --install-extension installs the package", `${install.stdout}\n${install.stderr}`);
  const installed = fs.readdirSync(dirs.extensions).filter((name) => name.startsWith("copydesk."));
  check(installed.length === 1, "the extension is in the extensions folder", fs.readdirSync(dirs.extensions).join(", "));
  const bundled = path.join(dirs.extensions, installed[0], "server", "copydesk");
  check(fs.existsSync(bundled), "the package carries the copydesk program", bundled);

  const settingsFile = path.join(dirs.userData, "User", "settings.json");
  writeJson(settingsFile, USER_SETTINGS);
  const draft = path.join(dirs.workspace, "draft.md");
  fs.writeFileSync(draft, DRAFT);

  // 2. code-server on a free port of 127.0.0.1, in its own process group.
  const log = fs.openSync(path.join(options.artifacts, "code-server.log"), "w");
  const server = spawn(
    process.execPath,
    [
      entry,
      ...codeServerArgs,
      "--auth",
      "none",
      "--bind-addr",
      "127.0.0.1:0",
      "--disable-workspace-trust",
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-getting-started-override",
      "--ignore-last-opened",
      dirs.workspace,
    ],
    { env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  cleanup.push(() => endGroup(server));
  let serverOutput = "";
  for (const stream of [server.stdout, server.stderr]) {
    stream.on("data", (chunk) => {
      serverOutput += chunk;
      fs.writeSync(log, chunk);
    });
  }
  const address = await waitFor(() => /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(serverOutput)?.[1]);
  check(address, "code-server listens on 127.0.0.1", serverOutput.slice(-2000));

  // 3. Chromium, with its profile and temporary files in the scratch folder too.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    env,
    // Root needs --no-sandbox; Chromium's throwaway profile goes to TMPDIR, the scratch folder.
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    timeout: WAIT_MS,
  });
  cleanup.push(() => browser.close().catch(() => {}));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  let shot = 0;
  const screenshot = async (name) => {
    shot += 1;
    await page.screenshot({ path: path.join(options.artifacts, `${String(shot).padStart(2, "0")}-${name}.png`) });
  };
  cleanup.failureScreenshot = () => page.screenshot({ path: path.join(options.artifacts, "failure.png") }).catch(() => {});

  await page.goto(`${address}/?folder=${encodeURIComponent(dirs.workspace)}`);
  await page.locator(".monaco-workbench .part.statusbar").waitFor();
  check(true, "VS Code's workbench loads");

  // 4. Open the draft with Quick Open.
  await openFile(page, "draft.md");
  const editorLines = page.locator(".monaco-editor .view-lines").first();
  await editorLines.filter({ hasText: "The invasion began" }).waitFor();
  check(true, "draft.md opens in the editor");

  // 5. The Problems panel lists the findings with their codes.
  await page.keyboard.press(`${mod}+Shift+KeyM`);
  const problems = await waitForProblems(page, (rows) =>
    ["relative-date", "unsourced-figure", "unattributed-quote", "vague-attribution"].every((code) =>
      rows.some((row) => row.includes(code)),
    ) &&
    rows.filter((row) => row.includes("relative-date")).length === 2,
  );
  check(problems.ok, "the Problems panel lists the draft's findings with their codes", problems.rows.join("\n  "));
  check(
    problems.rows.some((row) => row.includes("Thursday") && row.includes("Feb. 24")),
    "the Thursday finding names Feb. 24",
    problems.rows.join("\n  "),
  );
  await screenshot("problems");

  // 6. The status bar shows the publication date from the front matter.
  const status = await waitFor(async () => {
    const texts = await page.locator(".part.statusbar .statusbar-item").allInnerTexts();
    return texts.find((text) => text.includes("Feb. 28"));
  });
  check(status, "the status bar shows the publication date, Feb. 28", (await page.locator(".part.statusbar").innerText()).replace(/\n/g, " | "));

  // 7. The inlay hint: the absolute date after "this year".
  // Inlay hints are drawn inside the line's text: "(2022)" is nowhere in the draft itself.
  const hint = await waitFor(async () => {
    const text = (await editorLines.innerText()).replace(/\s+/g, " ");
    return text.includes("this year (2022)") && text.includes("Thursday (Feb. 24)");
  });
  check(hint, "inlay hints show (Feb. 24) after Thursday and (2022) after “this year”", await editorLines.innerText());
  await screenshot("inlay-hint-and-status-bar");

  // 8. Hovering "Thursday" shows the resolved date and where the publication date came from.
  const thursday = await textBox(page, "Thursday");
  check(thursday, "“Thursday” is on screen");
  await page.mouse.move(thursday.x + thursday.width / 2, thursday.y + thursday.height / 2);
  const hover = await waitFor(async () => {
    const texts = await page.locator(".monaco-hover").allInnerTexts();
    const text = texts.join("\n");
    return text.includes("Feb. 24") && text.includes("front matter") ? text : undefined;
  });
  check(hover, "the hover shows Feb. 24 and the front matter as the date's source", hover);
  await screenshot("hover");
  await page.mouse.move(5, 5);
  await page.keyboard.press("Escape");

  // 9. The quick fix, chosen from the light bulb menu with the arrow keys, then saved.
  await page.mouse.click(thursday.x + thursday.width / 2, thursday.y + thursday.height / 2);
  await page.keyboard.press(`${mod}+Period`);
  const menu = page.locator(".action-widget");
  await menu.waitFor();
  const menuText = await menu.innerText();
  check(menuText.includes("Replace with"), "the quick fix menu offers Replace with ...", menuText);
  await screenshot("quick-fix-menu");
  let chosen;
  for (let i = 0; i < 12 && !chosen; i += 1) {
    const focused = await menu.locator(".monaco-list-row.focused").innerText().catch(() => "");
    if (focused.includes("Replace with")) chosen = focused;
    else await page.keyboard.press("ArrowDown");
  }
  check(chosen, "the arrow keys reach Replace with ...", menuText);
  await page.keyboard.press("Enter");
  await page.keyboard.press(`${mod}+KeyS`);
  const saved = await waitFor(() => fs.readFileSync(draft, "utf8").includes("The invasion began on Feb. 24. Turnout"));
  check(saved, "the fix is in the file on disk after saving", fs.readFileSync(draft, "utf8"));
  const afterFix = await waitForProblems(page, (rows) => rows.filter((row) => row.includes("relative-date")).length === 1);
  check(afterFix.ok, "the Thursday finding is gone after the fix", afterFix.rows.join("\n  "));
  await screenshot("after-quick-fix");

  // 10. Typing a new sentence: a new finding appears.
  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.press("Enter");
  await page.keyboard.type("It rained yesterday.");
  const afterEdit = await waitForProblems(page, (rows) => rows.some((row) => row.includes("yesterday")));
  check(afterEdit.ok, "the Problems panel updates after typing", afterEdit.rows.join("\n  "));
  await page.keyboard.press(`${mod}+KeyS`);
  await screenshot("after-typing");

  // 11. A setting turned to "off" applies without a restart: typed into the user settings.json
  // that "Preferences: Open User Settings (JSON)" opens, and saved.
  await runCommand(page, "Preferences: Open User Settings (JSON)");
  await page.locator(".tab.active", { hasText: "settings.json" }).waitFor();
  await page.locator(".monaco-editor .view-lines", { hasText: "workbench.startupEditor" }).first().waitFor();
  await page.keyboard.press(`${mod}+KeyA`);
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(JSON.stringify({ ...USER_SETTINGS, "copydesk.rules.unsourced-figure": "off" }, null, 2));
  await page.keyboard.press("Escape");
  await page.keyboard.press(`${mod}+KeyS`);
  const written = await waitFor(() => JSON.parse(fs.readFileSync(settingsFile, "utf8"))["copydesk.rules.unsourced-figure"] === "off");
  check(written, "the setting is saved in settings.json", fs.readFileSync(settingsFile, "utf8"));
  const figuresOff = await waitForProblems(
    page,
    (rows) => !rows.some((row) => row.includes("unsourced-figure")) && rows.some((row) => row.includes("relative-date")),
  );
  check(figuresOff.ok, "copydesk.rules.unsourced-figure = off removes the figure finding", figuresOff.rows.join("\n  "));
  await screenshot("setting-off");

  // 12. A house rules file created in the workspace is picked up at once, and its "off" is
  // respected, also for a rule the extension has a setting of its own for: the extension sends
  // only the settings the user set, so its defaults never override the desk's house rules.
  fs.writeFileSync(
    path.join(dirs.workspace, ".copydesk.toml"),
    '[rules]\nrelative-date = "off"\nvague-attribution = "off"\n',
  );
  const houseOff = await waitForProblems(
    page,
    (rows) =>
      !rows.some((row) => row.includes("vague-attribution") || row.includes("relative-date")) &&
      rows.some((row) => row.includes("unattributed-quote")),
  );
  check(
    houseOff.ok,
    "a new .copydesk.toml with relative-date and vague-attribution off is respected over the extension's defaults",
    houseOff.rows.join("\n  "),
  );
  await screenshot("house-rules-off");

  // 13. "copydesk: Fact-check sheet" opens the draft's sheet in a webview beside it, and a click
  // on a row puts the cursor on that row's line in the draft. The webview is an iframe of its own
  // origin, so the sheet is found among the page's frames by its sign-off block.
  // The draft is still open in a tab behind settings.json: a click brings it to the front.
  await page.locator(".tab", { hasText: "draft.md" }).first().click();
  await page.locator(".tab.active", { hasText: "draft.md" }).waitFor();
  await runCommand(page, "copydesk: Fact-check sheet");
  await page.locator(".tab", { hasText: "Fact-check" }).first().waitFor();
  const sheet = await waitFor(async () => {
    for (const frame of page.frames()) {
      const text = await frame
        .locator("body")
        .innerText({ timeout: 500 })
        .catch(() => "");
      if (text.includes("Checked by")) return { frame, text };
    }
    return undefined;
  });
  check(sheet, "the fact-check sheet opens in a webview beside the draft");
  check(
    sheet.text.includes("We will not raise the levy"),
    "the sheet lists the draft's quote",
    sheet.text.slice(0, 3000),
  );
  const quoteRow = sheet.frame.locator("tr[data-line]", { hasText: "We will not raise the levy" }).first();
  const quoteLine = await quoteRow.getAttribute("data-line");
  await page.keyboard.press(`${mod}+Home`);
  await quoteRow.locator("td.line").click();
  const revealed = await waitFor(async () => {
    const texts = await page.locator(".part.statusbar .statusbar-item").allInnerTexts();
    return texts.some((text) => text.includes(`Ln ${quoteLine},`));
  });
  check(
    revealed,
    `a click on the quote's row in the sheet puts the cursor on its line (${quoteLine}) in the draft`,
    (await page.locator(".part.statusbar").innerText()).replace(/\n/g, " | "),
  );
  await screenshot("fact-check-sheet");
}

/** Opens a workspace file through Quick Open (Ctrl+P). */
async function openFile(page, name) {
  await page.locator(".monaco-workbench").click({ position: { x: 640, y: 400 } });
  await page.keyboard.press(`${mod}+KeyP`);
  const input = page.locator(".quick-input-widget input");
  await input.waitFor();
  await input.fill(name);
  await page.locator(".quick-input-widget .monaco-list-row", { hasText: name }).first().waitFor();
  await page.keyboard.press("Enter");
}

/** Runs a command from the Command Palette (F1) by its title. */
async function runCommand(page, title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator(".quick-input-widget .monaco-list-row", { hasText: title }).first().waitFor();
  await page.keyboard.press("Enter");
}

/** The Problems panel's rows once `accept(rows)` holds (or at the deadline, with ok false). */
async function waitForProblems(page, accept) {
  let rows = [];
  const ok = await waitFor(async () => {
    rows = await page.locator(".markers-panel .monaco-list-row").allInnerTexts();
    rows = rows.map((row) => row.replace(/\s+/g, " ").trim());
    return accept(rows);
  });
  return { ok: Boolean(ok), rows };
}

/** The on-screen box of the first occurrence of `text` in the editor. */
async function textBox(page, text) {
  return page.evaluate((needle) => {
    for (const line of document.querySelectorAll(".monaco-editor .view-line")) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf(needle);
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + needle.length);
          const box = range.getBoundingClientRect();
          return { x: box.x, y: box.y, width: box.width, height: box.height };
        }
      }
    }
    return null;
  }, text);
}

/** Ends a process group started with `detached: true`: TERM, then KILL after 5 s. */
async function endGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = new Promise((resolve) => setTimeout(() => resolve("timeout"), 5000));
  if ((await Promise.race([exited, timer])) === "timeout") {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

async function run() {
  const cleanup = [];
  // Ends what the run started, last started first; once, whether the run passed, failed or
  // timed out.
  const finish = async () => {
    while (cleanup.length > 0) {
      await cleanup.pop()();
    }
  };
  const watchdog = setTimeout(async () => {
    console.error(`vscode e2e: FAILED: timed out after ${OVERALL_TIMEOUT_MS / 1000} s (${checks} checks had passed)`);
    await cleanup.failureScreenshot?.();
    await finish();
    process.exit(1);
  }, OVERALL_TIMEOUT_MS);
  const started = Date.now();
  try {
    const options = parseArgs(process.argv.slice(2));
    await main(options, cleanup);
    clearTimeout(watchdog);
    await finish();
    console.log(`vscode e2e: ${checks} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exit(0);
  } catch (error) {
    clearTimeout(watchdog);
    console.error(`vscode e2e: FAILED after ${checks} passing checks: ${error?.stack ?? error}`);
    await cleanup.failureScreenshot?.();
    await finish();
    process.exit(1);
  }
}

await run();
