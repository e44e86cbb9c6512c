// The copydesk extension for VS Code: starts the copydesk language server for Markdown and plain
// text, keeps its settings in step with VS Code's, and shows the publication date in use for the
// active draft in the status bar.
//
// Everything that can be decided without VS Code lives in settings.ts, serverPath.ts and
// status.ts, which the unit tests run under plain Node.

import * as os from "os";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  InlayHintRequest,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from "vscode-languageclient/node";

import { describeSource, notFoundMessage, resolveServer, vscodeTarget } from "./serverPath";
import { SECTION, ServerSettings, toServerSettings, userValue } from "./settings";
import { PUBLICATION_DATE_METHOD, statusFor } from "./status";

const LANGUAGES = ["markdown", "plaintext"];

/** The server's command that returns a draft's fact-check sheet. */
const SHEET_COMMAND = "copydesk.sheet";

/** What `copydesk.sheet` returns. */
interface SheetResult {
  format: string;
  headline?: string;
  content: string;
}

/** Drafts on disk and unsaved ones; copydesk reads only the text the editor sends. */
const DOCUMENT_SELECTOR = LANGUAGES.flatMap((language) => [
  { scheme: "file", language },
  { scheme: "untitled", language },
]);

/** Settings whose change needs a new server process rather than a settings notification. */
const RESTART_SETTINGS = [`${SECTION}.server.path`, `${SECTION}.trace.server`];

/**
 * The server's settings object, built by the tested mapping from what the user set in VS Code
 * (user, workspace or folder settings), never from the contributed defaults: those would
 * override a desk's `.copydesk.toml` for every VS Code user.
 */
function currentServerSettings(): ServerSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return toServerSettings((key) => userValue(config.inspect(key)));
}

class Copydesk implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly output: vscode.OutputChannel;
  private readonly status: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  /** Serialises starts and stops: a restart never overlaps another. */
  private queue: Promise<void> = Promise.resolve();
  private statusRequest = 0;
  /** False once the server has said it does not know copydesk/publicationDate (an old copydesk). */
  private statusSupported = true;
  private statusTimer: NodeJS.Timeout | undefined;
  /** The open fact-check sheets, by the draft's URI. */
  private readonly sheets = new Map<string, vscode.WebviewPanel>();

  constructor(private readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel("copydesk");
    this.status = vscode.window.createStatusBarItem(
      "copydesk.publicationDate",
      vscode.StatusBarAlignment.Right,
      100,
    );
    this.status.name = "copydesk: publication date";
    this.status.command = "copydesk.showOutput";
    this.disposables.push(
      this.output,
      this.status,
      vscode.commands.registerCommand("copydesk.restartServer", () => this.restart()),
      vscode.commands.registerCommand("copydesk.showOutput", () => this.output.show(true)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (RESTART_SETTINGS.some((setting) => event.affectsConfiguration(setting))) {
          this.output.appendLine("copydesk.server.path or copydesk.trace.server changed: restarting.");
          void this.restart();
        }
        // Every other copydesk setting reaches the running server through the language
        // client's configuration synchronisation (see `middleware` below).
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.scheduleStatus(0)),
    );
  }

  start(): Promise<void> {
    return this.enqueue(() => this.startNow());
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      await this.stopNow();
      await this.startNow();
    });
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.stopNow());
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(step, step);
    return this.queue;
  }

  private async startNow(): Promise<void> {
    const config = vscode.workspace.getConfiguration(SECTION);
    const resolution = resolveServer({
      configuredPath: config.get<string>("server.path"),
      extensionPath: this.context.extensionPath,
      platform: process.platform,
      target: vscodeTarget(process.platform, process.arch),
      env: process.env,
      homeDir: os.homedir(),
      workspaceFolders: (vscode.workspace.workspaceFolders ?? [])
        .filter((folder) => folder.uri.scheme === "file")
        .map((folder) => folder.uri.fsPath),
    });
    if (resolution.kind !== "found") {
      // One notification per start attempt, and no retry: starts happen only on activation,
      // on "copydesk: Restart server" and when copydesk.server.path changes.
      const message = notFoundMessage(resolution);
      this.output.appendLine(message);
      if (resolution.kind === "not-found") {
        this.output.appendLine(`Looked in: ${resolution.searched.join(", ")}`);
      }
      this.updateStatus(undefined);
      void vscode.window
        .showErrorMessage(message, "Open settings", "Show output")
        .then((choice) => {
          if (choice === "Open settings") {
            void vscode.commands.executeCommand(
              "workbench.action.openSettings",
              `${SECTION}.server.path`,
            );
          } else if (choice === "Show output") {
            this.output.show(true);
          }
        });
      return;
    }

    this.output.appendLine(`Starting ${resolution.path} (${describeSource(resolution.source)}).`);
    const serverOptions: ServerOptions = {
      command: resolution.path,
      args: [],
      options: { env: process.env },
    };
    let client: LanguageClient | undefined;
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      outputChannel: this.output,
      traceOutputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: currentServerSettings(),
      synchronize: { configurationSection: SECTION },
      initializationFailedHandler: (error) => {
        this.output.appendLine(`copydesk did not start: ${String(error)}`);
        void vscode.window.showErrorMessage(
          'copydesk did not start; see "copydesk: Show output" for the details.',
        );
        return false; // no retry loop
      },
      middleware: {
        workspace: {
          // The client would send VS Code's raw section; the server gets the mapped object
          // instead, the same one as initializationOptions ("on" -> true, "" -> null ...).
          didChangeConfiguration: async () => {
            if (client === undefined) {
              return;
            }
            await client.sendNotification(DidChangeConfigurationNotification.type, {
              settings: { [SECTION]: currentServerSettings() },
            });
            // copydesk does not send workspace/inlayHint/refresh after a settings change, and
            // dates.inlayHints, dates.style and referenceDate all change the hints: ask VS Code
            // to fetch them again for the visible drafts.
            const inlayHints = client.getFeature(InlayHintRequest.method);
            for (const editor of vscode.window.visibleTextEditors) {
              inlayHints?.getProvider(editor.document)?.onDidChangeInlayHints.fire();
            }
          },
        },
        // "copydesk: Fact-check sheet" is the server's own command (the client registers every
        // command the server offers): from the palette it has no arguments, so the active
        // draft is filled in here, and the sheet it returns opens beside the draft.
        executeCommand: async (command, args, next) => {
          if (command !== SHEET_COMMAND) {
            return next(command, args);
          }
          const document = vscode.window.activeTextEditor?.document;
          if (args.length === 0 && (document === undefined || !LANGUAGES.includes(document.languageId))) {
            void vscode.window.showInformationMessage(
              "copydesk: open a Markdown or text draft to see its fact-check sheet.",
            );
            return undefined;
          }
          const draft = args.length > 0 ? vscode.Uri.parse(String(args[0])) : document!.uri;
          const uri = client?.code2ProtocolConverter.asUri(draft) ?? draft.toString();
          const sheet = (await next(command, [{ uri, format: "html" }])) as SheetResult | undefined;
          if (sheet !== undefined && typeof sheet.content === "string") {
            this.showSheet(draft, sheet);
          }
          return sheet;
        },
        handleDiagnostics: (uri, diagnostics, next) => {
          next(uri, diagnostics);
          const active = vscode.window.activeTextEditor?.document.uri;
          if (active !== undefined && active.toString() === uri.toString()) {
            this.scheduleStatus(50);
          }
        },
      },
    };
    client = new LanguageClient(SECTION, "copydesk", serverOptions, clientOptions);
    this.statusSupported = true;
    this.client = client;
    const started = client;
    started.onDidChangeState((event) => {
      if (event.newState === State.Running) {
        this.scheduleStatus(0);
      } else if (event.newState === State.Stopped) {
        this.updateStatus(undefined);
      }
    });
    try {
      await started.start();
    } catch (error) {
      // The client has already logged it to the output channel.
      this.output.appendLine(`copydesk failed to start: ${String(error)}`);
    }
  }

  private async stopNow(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.updateStatus(undefined);
    if (client === undefined) {
      return;
    }
    try {
      if (client.needsStop()) {
        await client.stop(5000);
      }
    } catch (error) {
      this.output.appendLine(`Stopping copydesk failed: ${String(error)}`);
    }
    try {
      await client.dispose();
    } catch {
      // Already stopped.
    }
  }

  /**
   * Shows a draft's fact-check sheet in a webview beside it; a click on a row reveals that
   * line in the draft. One panel per draft, refreshed when the command runs again.
   */
  private showSheet(draft: vscode.Uri, sheet: SheetResult): void {
    const key = draft.toString();
    let panel = this.sheets.get(key);
    if (panel === undefined) {
      panel = vscode.window.createWebviewPanel(
        "copydesk.sheet",
        `Fact-check: ${sheet.headline ?? "draft"}`,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        // The sheet's own inline script keeps the ticks and reports clicks; it loads nothing.
        { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: true },
      );
      this.sheets.set(key, panel);
      panel.onDidDispose(() => this.sheets.delete(key));
      panel.webview.onDidReceiveMessage(async (message: { command?: string; line?: number }) => {
        if (message.command !== "reveal" || typeof message.line !== "number") {
          return;
        }
        const document = await vscode.workspace.openTextDocument(draft);
        const line = Math.max(0, Math.min(message.line - 1, document.lineCount - 1));
        const editor = await vscode.window.showTextDocument(document, {
          viewColumn: vscode.ViewColumn.One,
          preserveFocus: false,
        });
        const range = document.lineAt(line).range;
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      });
    } else {
      panel.title = `Fact-check: ${sheet.headline ?? "draft"}`;
      panel.reveal(vscode.ViewColumn.Beside, true);
    }
    panel.webview.html = sheet.content;
  }

  private scheduleStatus(delayMs: number): void {
    if (this.statusTimer !== undefined) {
      clearTimeout(this.statusTimer);
    }
    this.statusTimer = setTimeout(() => {
      this.statusTimer = undefined;
      void this.refreshStatus();
    }, delayMs);
  }

  /** Asks the server for the active draft's publication date and shows it. */
  private async refreshStatus(): Promise<void> {
    const request = ++this.statusRequest;
    const client = this.client;
    const document = vscode.window.activeTextEditor?.document;
    if (client === undefined || !client.isRunning() || document === undefined || !this.statusSupported) {
      this.updateStatus(undefined);
      return;
    }
    if (!LANGUAGES.includes(document.languageId)) {
      this.updateStatus(undefined);
      return;
    }
    let answer: unknown;
    try {
      answer = await client.sendRequest(PUBLICATION_DATE_METHOD, {
        textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
      });
    } catch (error) {
      if ((error as { code?: number }).code === -32601) {
        this.statusSupported = false; // method not found: ask no more, log it once
      }
      this.output.appendLine(`${PUBLICATION_DATE_METHOD} failed: ${String(error)}`);
      answer = undefined;
    }
    if (request === this.statusRequest) {
      this.updateStatus(answer);
    }
  }

  private updateStatus(answer: unknown): void {
    const shown = statusFor(answer);
    if (shown === undefined) {
      this.status.hide();
      return;
    }
    this.status.text = shown.text;
    this.status.tooltip = shown.tooltip;
    this.status.backgroundColor = shown.warning
      ? new vscode.ThemeColor("statusBarItem.warningBackground")
      : undefined;
    this.status.show();
  }

  dispose(): void {
    if (this.statusTimer !== undefined) {
      clearTimeout(this.statusTimer);
    }
    for (const panel of this.sheets.values()) {
      panel.dispose();
    }
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }
}

let copydesk: Copydesk | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  copydesk = new Copydesk(context);
  context.subscriptions.push(copydesk);
  await copydesk.start();
}

export async function deactivate(): Promise<void> {
  await copydesk?.stop();
}
