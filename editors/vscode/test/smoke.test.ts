// Protocol smoke test: the real copydesk binary, driven through vscode-jsonrpc (the library
// vscode-languageclient is built on) the way the extension drives it: initializationOptions
// and didChangeConfiguration built by the extension's own settings mapping from package.json's
// defaults, UTF-16 positions as VS Code uses, diagnostics, hover, quick fixes applied to the
// text, edits, and the status bar's copydesk/publicationDate request.
//
//   COPYDESK_BIN=/path/to/copydesk npm run test:smoke   (default: ../../target/debug/copydesk)

import * as assert from "node:assert/strict";
import { ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";

import {
  createMessageConnection,
  MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-jsonrpc/node";

import { readerFromObjects, SECTION, ServerSettings, toServerSettings } from "../src/settings";
import { PUBLICATION_DATE_METHOD, statusFor } from "../src/status";
import { PACKAGE_ROOT } from "./support";

const TIMEOUT_MS = 15000;

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface CodeAction {
  title: string;
  kind?: string;
  edit?: {
    changes?: Record<string, TextEdit[]>;
    documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[];
  };
}

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 };

/** The binary under test: $COPYDESK_BIN, or the debug build of this repository. */
function copydeskBinary(): string {
  const configured = process.env.COPYDESK_BIN;
  const binary = configured
    ? path.resolve(configured)
    : path.resolve(PACKAGE_ROOT, "..", "..", "target", "debug", process.platform === "win32" ? "copydesk.exe" : "copydesk");
  assert.ok(
    fs.existsSync(binary),
    `the copydesk binary is missing at ${binary}: run \`cargo build\` in the repository first, or set COPYDESK_BIN`,
  );
  return binary;
}

/** The settings the extension would send for these user settings (what `inspect` reports). */
function settingsFor(user: Record<string, unknown>): ServerSettings {
  return toServerSettings(readerFromObjects(user));
}

/** UTF-16 offset of a position, as LSP counts it by default and VS Code uses. */
function offsetOf(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf("\n", offset);
    assert.ok(next >= 0, `line ${position.line} exists`);
    offset = next + 1;
  }
  return offset + position.character;
}

/** Applies text edits as VS Code does: all ranges refer to the text before any edit. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = edits
    .map((edit) => ({ start: offsetOf(text, edit.range.start), end: offsetOf(text, edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}

/**
 * "code line:col-line:col" strings, sorted, with the severity after them for the rules whose
 * severity the tests set (the default severity of a date finding is the rule's own business).
 */
function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics
    .map((d) => {
      const where = `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
      return d.code === "relative-date" ? where : `${where} ${d.severity}`;
    })
    .sort();
}

class Server {
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly messages: { type: number; message: string }[] = [];
  stderr = "";
  private waiters: (() => void)[] = [];

  constructor(binary: string) {
    this.child = spawn(binary, [], { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, COPYDESK_LOG: "warn" } });
    this.child.stderr.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString("utf8");
    });
    this.connection = createMessageConnection(
      new StreamMessageReader(this.child.stdout),
      new StreamMessageWriter(this.child.stdin),
    );
    this.connection.onNotification("textDocument/publishDiagnostics", (params: { uri: string; diagnostics: Diagnostic[] }) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.notify();
    });
    this.connection.onNotification("window/showMessage", (params: { type: number; message: string }) => {
      this.messages.push(params);
      this.notify();
    });
    this.connection.onNotification(() => undefined);
    // copydesk sends no requests today; answer any as VS Code would answer an unknown one.
    this.connection.onRequest(() => null);
    this.connection.listen();
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }

  /** Waits until `condition` holds, re-checking after every notification. */
  async until(what: string, condition: () => boolean, detail: () => string): Promise<void> {
    const deadline = Date.now() + TIMEOUT_MS;
    while (!condition()) {
      const left = deadline - Date.now();
      if (left <= 0) {
        assert.fail(`timed out after ${TIMEOUT_MS} ms waiting for ${what}\n${detail()}\nserver stderr:\n${this.stderr}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async diagnosticsOf(uri: string, expected: string[], what: string): Promise<Diagnostic[]> {
    const wanted = [...expected].sort();
    await this.until(
      what,
      () => JSON.stringify(summary(this.diagnostics.get(uri) ?? [])) === JSON.stringify(wanted),
      () => `expected ${JSON.stringify(wanted)}\ngot      ${JSON.stringify(summary(this.diagnostics.get(uri) ?? []))}`,
    );
    return this.diagnostics.get(uri) ?? [];
  }
}

describe("copydesk over vscode-jsonrpc, as the VS Code extension drives it", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk smoke été "));
  // A folder with a space and an accent: the file URI must survive the round trip.
  const draftPath = path.join(dir, "draft.md");
  const uri = pathToFileURL(draftPath).href;
  // Curly quotes are 3 bytes in UTF-8 but 1 unit in UTF-16, so the quote's range checks that
  // the server speaks VS Code's UTF-16 positions.
  let text = "The invasion began on Thursday. Turnout rose to 12%.\n\n“We will not raise the levy this year.”\n";
  let version = 1;
  let server: Server;
  let settings: ServerSettings;

  before(async () => {
    server = new Server(copydeskBinary());
    settings = settingsFor({ referenceDate: "2022-02-28", debounceMs: 0, "rules.unsourced-figure": "information" });
    const result = (await server.connection.sendRequest("initialize", {
      processId: process.pid,
      clientInfo: { name: "Visual Studio Code", version: "1.82.0" },
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: "drafts" }],
      capabilities: {
        general: { positionEncodings: ["utf-16"] },
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: true, didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: false, codeDescriptionSupport: true },
          hover: { contentFormat: ["markdown", "plaintext"] },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ["", "quickfix", "refactor", "source"] } },
            isPreferredSupport: true,
          },
        },
      },
      initializationOptions: settings,
      trace: "off",
    })) as { capabilities: Record<string, unknown>; serverInfo?: { name: string } };
    assert.equal(result.serverInfo?.name, "copydesk");
    assert.equal(result.capabilities.positionEncoding, "utf-16");
    assert.ok(result.capabilities.hoverProvider, "hover is offered");
    assert.ok(result.capabilities.codeActionProvider, "code actions are offered");
    await server.connection.sendNotification("initialized", {});
    // What the language client's configuration synchronisation sends at start (through the
    // extension's middleware): the same mapped object, under the section name.
    await server.connection.sendNotification("workspace/didChangeConfiguration", { settings: { [SECTION]: settings } });
    fs.writeFileSync(draftPath, text);
    await server.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "markdown", version, text },
    });
  });

  after(async () => {
    if (server !== undefined) {
      try {
        await server.connection.sendRequest("shutdown");
        await server.connection.sendNotification("exit");
      } catch {
        // The tests below assert the clean exit; here only tidy up.
      }
      const exited = await new Promise<number | null>((resolve) => {
        if (server.child.exitCode !== null) return resolve(server.child.exitCode);
        const timer = setTimeout(() => {
          server.child.kill();
          resolve(null);
        }, 5000);
        server.child.on("exit", (code) => {
          clearTimeout(timer);
          resolve(code);
        });
      });
      server.connection.dispose();
      assert.equal(exited, 0, `copydesk exits with 0 after shutdown and exit\n${server.stderr}`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("accepts the extension's settings (only settings the server does not know yet are reported)", async () => {
    // Wait for the first diagnostics, by which time any settings warning has been sent.
    await server.until("the first diagnostics", () => server.diagnostics.has(uri), () => "");
    for (const { message } of server.messages) {
      const problems = message.replace(/^copydesk settings: /, "").split("; ");
      for (const problem of problems) {
        // dates.style and dates.inlayHints are contributed ahead of the server's support.
        assert.match(problem, /copydesk\.dates\b|\bdates\b/, `unexpected settings problem: ${message}`);
      }
    }
  });

  it("publishes diagnostics with codes and UTF-16 ranges, severities from the settings", async () => {
    const diagnostics = await server.diagnosticsOf(
      uri,
      [
        `relative-date 0:22-0:30`, // Thursday
        `unsourced-figure 0:48-0:51 ${SEVERITY.information}`, // 12%, information per the settings
        `unattributed-quote 2:0-2:39 ${SEVERITY.warning}`, // the quote, curly quotes included
        `relative-date 2:28-2:37`, // this year
      ],
      "diagnostics for the opened draft",
    );
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, "copydesk");
    }
    const thursday = diagnostics.find((d) => d.code === "relative-date" && d.range.start.line === 0);
    assert.match(thursday?.message ?? "", /Feb\. 24/);
  });

  it("answers hover with Markdown that explains the date", async () => {
    const hover = (await server.connection.sendRequest("textDocument/hover", {
      textDocument: { uri },
      position: { line: 0, character: 25 },
    })) as { contents: { kind: string; value: string }; range?: Range };
    assert.equal(hover.contents.kind, "markdown");
    assert.match(hover.contents.value, /Feb\. 24/);
    assert.match(hover.contents.value, /Feb\. 28, 2022/, "the hover names the publication date");
    assert.deepEqual(hover.range, { start: { line: 0, character: 22 }, end: { line: 0, character: 30 } });
  });

  it("answers copydesk/publicationDate for the status bar", async () => {
    const answer = await server.connection.sendRequest(PUBLICATION_DATE_METHOD, { textDocument: { uri } });
    assert.deepEqual(
      { ...(answer as object), description: undefined },
      { date: "2022-02-28", source: "setting", description: undefined, yearInferred: false },
    );
    const shown = statusFor(answer);
    assert.equal(shown?.text, "$(calendar) Feb. 28, 2022");
    assert.match(shown?.tooltip ?? "", /Monday, Feb\. 28, 2022/);
    const unknown = await server.connection.sendRequest(PUBLICATION_DATE_METHOD, {
      textDocument: { uri: pathToFileURL(path.join(dir, "closed.md")).href },
    });
    assert.equal(unknown, null, "no date for a draft that is not open");
  });

  /** Asks for quick fixes at a position and returns the one whose title contains `title`. */
  async function quickFix(line: number, character: number, title: string): Promise<TextEdit[]> {
    const actions = (await server.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri },
      range: { start: { line, character }, end: { line, character } },
      context: { diagnostics: server.diagnostics.get(uri) ?? [], only: ["quickfix"], triggerKind: 1 },
    })) as CodeAction[];
    const chosen = actions.find((action) => action.kind === "quickfix" && action.title.includes(title));
    assert.ok(chosen?.edit, `a quick fix titled ...${title}... among ${JSON.stringify(actions.map((a) => a.title))}`);
    const edits =
      chosen.edit.changes?.[uri] ??
      chosen.edit.documentChanges?.find((change) => change.textDocument.uri === uri)?.edits;
    assert.ok(edits && edits.length > 0, `the quick fix edits the draft itself: ${JSON.stringify(chosen.edit)}`);
    return edits;
  }

  /** Applies edits locally and sends them as VS Code does: incremental changes, a new version. */
  async function edit(edits: TextEdit[]): Promise<void> {
    text = applyEdits(text, edits);
    version += 1;
    const ordered = [...edits].sort(
      (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
    );
    await server.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: ordered.map((e) => ({ range: e.range, text: e.newText })),
    });
  }

  it("offers a date quick fix whose edit writes the absolute date", async () => {
    await edit(await quickFix(0, 25, "Replace with “Feb. 24”"));
    assert.equal(text.split("\n")[0], "The invasion began on Feb. 24. Turnout rose to 12%.");
    await server.diagnosticsOf(
      uri,
      [
        `unsourced-figure 0:47-0:50 ${SEVERITY.information}`,
        `unattributed-quote 2:0-2:39 ${SEVERITY.warning}`,
        `relative-date 2:28-2:37`,
      ],
      "diagnostics after the date quick fix",
    );
  });

  it("offers an attribution quick fix whose edits land after the curly quotes", async () => {
    await edit(await quickFix(2, 0, "attribution"));
    assert.equal(text.split("\n")[2], "“We will not raise the levy this year,” [SPEAKER] said.");
    await server.diagnosticsOf(
      uri,
      [`unsourced-figure 0:47-0:50 ${SEVERITY.information}`, `relative-date 2:28-2:37`],
      "diagnostics after the attribution quick fix",
    );
  });

  it("follows typing: a new line on top moves the findings down", async () => {
    await edit([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: "It rained yesterday.\n" }]);
    await server.diagnosticsOf(
      uri,
      [
        `relative-date 0:10-0:19`,
        `unsourced-figure 1:47-1:50 ${SEVERITY.information}`,
        `relative-date 3:28-3:37`,
      ],
      "diagnostics after inserting a line",
    );
  });

  it("applies settings changed live through didChangeConfiguration", async () => {
    settings = settingsFor({ referenceDate: "2022-02-28", debounceMs: 0, "rules.unsourced-figure": "off" });
    await server.connection.sendNotification("workspace/didChangeConfiguration", { settings: { [SECTION]: settings } });
    await server.diagnosticsOf(
      uri,
      [`relative-date 0:10-0:19`, `relative-date 3:28-3:37`],
      "diagnostics after turning unsourced-figure off",
    );
    settings = settingsFor({ referenceDate: "2022-02-28", debounceMs: 0, "rules.unsourced-figure": "error" });
    await server.connection.sendNotification("workspace/didChangeConfiguration", { settings: { [SECTION]: settings } });
    await server.diagnosticsOf(
      uri,
      [
        `relative-date 0:10-0:19`,
        `unsourced-figure 1:47-1:50 ${SEVERITY.error}`,
        `relative-date 3:28-3:37`,
      ],
      "diagnostics after turning unsourced-figure back on as an error",
    );
  });

  it("forwards dates.inlayHints and dates.style to the server", async () => {
    const wholeDraft = { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } };
    const hints = (await server.connection.sendRequest("textDocument/inlayHint", { textDocument: { uri }, range: wholeDraft })) as
      | { position: Position; label: string | { value: string }[] }[]
      | null;
    const labels = (hints ?? []).map((hint) => (typeof hint.label === "string" ? hint.label : hint.label.map((part) => part.value).join("")));
    assert.ok(
      labels.some((label) => label.includes("Feb. 27")),
      `an inlay hint gives the date of "yesterday" (Feb. 27): ${JSON.stringify(labels)}`,
    );

    settings = settingsFor({ referenceDate: "2022-02-28", debounceMs: 0, "dates.inlayHints": false, "dates.style": "iso" });
    assert.deepEqual(settings.dates, { style: "iso", inlayHints: false });
    await server.connection.sendNotification("workspace/didChangeConfiguration", { settings: { [SECTION]: settings } });
    const none = await server.connection.sendRequest("textDocument/inlayHint", { textDocument: { uri }, range: wholeDraft });
    assert.deepEqual(none ?? [], [], "no inlay hints once dates.inlayHints is false");
    await edit(await quickFix(0, 12, "2022-02-27"));
    assert.match(text.split("\n")[0], /2022-02-27/, "the date fix follows dates.style = iso");
  });

  it("takes the publication date from front matter before the setting", async () => {
    const notesUri = pathToFileURL(path.join(dir, "notes.md")).href;
    await server.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri: notesUri, languageId: "markdown", version: 1, text: "---\ndate: 2026-03-04\n---\n\nThe vote is on Friday.\n" },
    });
    await server.until("diagnostics for notes.md", () => server.diagnostics.has(notesUri), () => "");
    const answer = (await server.connection.sendRequest(PUBLICATION_DATE_METHOD, { textDocument: { uri: notesUri } })) as {
      date: string;
      source: string;
    };
    assert.equal(answer.date, "2026-03-04");
    assert.equal(answer.source, "frontMatter");
    assert.equal(statusFor(answer)?.warning, false);
    await server.connection.sendNotification("textDocument/didClose", { textDocument: { uri: notesUri } });
  });
});

describe("a desk's .copydesk.toml beside the draft, with the settings VS Code sends", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk house rules "));
  const draftUri = pathToFileURL(path.join(dir, "draft.md")).href;
  const text = "---\ndate: 2026-03-04\n---\n\nThe vote was on Tuesday. The ferry carried 7 lorries.\n";
  let server: Server;

  before(async () => {
    fs.mkdirSync(path.join(dir, ".git"));
    // The desk writes long dates, counts figures from 5 and turns the date rule off.
    fs.writeFileSync(
      path.join(dir, ".copydesk.toml"),
      '[dates]\nstyle = "long"\n\n[figures]\nminCount = 5\n\n[rules]\nrelative-date = "off"\n',
    );
    fs.writeFileSync(path.join(dir, "draft.md"), text);
    server = new Server(copydeskBinary());
    // A user who set nothing but the debounce: what the extension sends (through `inspect`).
    const settings = settingsFor({ debounceMs: 0 });
    await server.connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: "desk" }],
      capabilities: { general: { positionEncodings: ["utf-16"] } },
      initializationOptions: settings,
    });
    await server.connection.sendNotification("initialized", {});
    await server.connection.sendNotification("workspace/didChangeConfiguration", { settings: { [SECTION]: settings } });
    await server.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri: draftUri, languageId: "markdown", version: 1, text },
    });
  });

  after(async () => {
    try {
      await server.connection.sendRequest("shutdown");
      await server.connection.sendNotification("exit");
    } catch {
      // Tidying up only.
    }
    server.connection.dispose();
    server.child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps the house rules' \"off\" and minCount against VS Code's defaults", async () => {
    // relative-date is off and 7 is a figure (minCount 5, where the default would be 10).
    await server.diagnosticsOf(draftUri, ["unsourced-figure 4:43-4:44 2"], "the house rules' findings");
  });

  it("lets a user's own choice override the house rules, and hands back when it is cleared", async () => {
    const chosen = settingsFor({ debounceMs: 0, "rules.relative-date": "on" });
    await server.connection.sendNotification("workspace/didChangeConfiguration", { settings: { [SECTION]: chosen } });
    await server.diagnosticsOf(
      draftUri,
      ["relative-date 4:16-4:23", "unsourced-figure 4:43-4:44 2"],
      "the date finding the user turned on",
    );
    // The house style still writes the fixes: the user chose the rule, not the date style.
    const actions = (await server.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri: draftUri },
      range: { start: { line: 4, character: 18 }, end: { line: 4, character: 18 } },
      context: { diagnostics: server.diagnostics.get(draftUri) ?? [], only: ["quickfix"] },
    })) as CodeAction[];
    assert.ok(
      actions.some((action) => action.title === "Replace with “3 March 2026”"),
      JSON.stringify(actions.map((action) => action.title)),
    );
    const cleared = settingsFor({ debounceMs: 0 });
    await server.connection.sendNotification("workspace/didChangeConfiguration", { settings: { [SECTION]: cleared } });
    await server.diagnosticsOf(draftUri, ["unsourced-figure 4:43-4:44 2"], "the house rules again once the choice is cleared");
  });
});
