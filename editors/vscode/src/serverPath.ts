// Finding the copydesk program. No `vscode` import: unit tests run it under plain Node, with the
// file system, the platform and the environment passed in.
//
// Order: the `copydesk.server.path` setting; the program bundled in the extension's `server/`
// folder (platform-specific packages); `copydesk` on PATH; `~/.cargo/bin` (where
// `cargo install` puts it, and which an editor started from a desktop menu often lacks on PATH).

import * as fs from "fs";
import * as path from "path";

export type ServerSource = "setting" | "bundled" | "path" | "cargo";

export type Resolution =
  | { kind: "found"; path: string; source: ServerSource }
  /** The setting names a program that does not exist: never silently replaced by another one. */
  | { kind: "configured-missing"; configured: string; path: string }
  /** `target` is this machine's VS Code target when the package bundles no program for it. */
  | { kind: "not-found"; searched: string[]; target?: string };

export interface ResolveOptions {
  /** The `copydesk.server.path` setting ("" or undefined when not set). */
  configuredPath?: string;
  /** The extension's own folder (holding `server/`). */
  extensionPath: string;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  homeDir: string;
  /** Local folders of the open workspace; a relative setting is resolved against the first. */
  workspaceFolders?: string[];
  /** Whether a file exists and can be run; by default checked on the real file system. */
  isExecutable?: (file: string) => boolean;
  /** This machine's VS Code target ("linux-x64"), named in the message when nothing is found. */
  target?: string;
}

/** VS Code's name for a platform and CPU (`vsce package --target`), as package-target.mjs uses. */
export function vscodeTarget(platform: NodeJS.Platform, arch: string): string {
  return `${platform}-${arch === "arm" ? "armhf" : arch}`;
}

/** The program's file name on a platform. */
export function programName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "copydesk.exe" : "copydesk";
}

/** The bundled program inside the extension. */
export function bundledPath(extensionPath: string, platform: NodeJS.Platform): string {
  return pathFor(platform).join(extensionPath, "server", programName(platform));
}

function pathFor(platform: NodeJS.Platform): path.PlatformPath {
  return platform === "win32" ? path.win32 : path.posix;
}

/** A file that exists, is a file, and (off Windows) has an execute bit. */
export function defaultIsExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    if (process.platform !== "win32") {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

/** Environment variables are case-insensitive on Windows (`Path`, `PATHEXT`). */
function envValue(options: ResolveOptions, name: string): string | undefined {
  if (options.platform !== "win32") {
    return options.env[name];
  }
  const key = Object.keys(options.env).find((candidate) => candidate.toUpperCase() === name);
  return key === undefined ? undefined : options.env[key];
}

/** Expands `~`, `${userHome}` and `${workspaceFolder}`; resolves a relative path. */
export function expandConfiguredPath(configured: string, options: ResolveOptions): string {
  const paths = pathFor(options.platform);
  const workspace = options.workspaceFolders?.[0];
  let expanded = configured
    .trim()
    .replace(/\$\{userHome\}/g, options.homeDir)
    .replace(/\$\{workspaceFolder\}/g, workspace ?? "");
  if (expanded === "~" || expanded.startsWith("~/") || expanded.startsWith("~\\")) {
    expanded = paths.join(options.homeDir, expanded.slice(1));
  }
  if (!paths.isAbsolute(expanded) && workspace !== undefined) {
    expanded = paths.join(workspace, expanded);
  }
  return expanded;
}

/** The candidates for a command name in each PATH folder (with PATHEXT endings on Windows). */
function onPath(command: string, options: ResolveOptions): string[] {
  const paths = pathFor(options.platform);
  const delimiter = options.platform === "win32" ? ";" : ":";
  const folders = (envValue(options, "PATH") ?? "").split(delimiter).filter((dir) => dir !== "");
  const endings =
    options.platform === "win32"
      ? ["", ...(envValue(options, "PATHEXT") ?? ".EXE;.CMD;.BAT;.COM").split(";").filter(Boolean)]
      : [""];
  const candidates: string[] = [];
  for (const folder of folders) {
    for (const ending of endings) {
      if (ending !== "" && command.toLowerCase().endsWith(ending.toLowerCase())) {
        continue;
      }
      candidates.push(paths.join(folder, command + ending.toLowerCase()));
    }
  }
  return candidates;
}

/** Finds the copydesk program, or says where it looked. */
export function resolveServer(options: ResolveOptions): Resolution {
  const isExecutable = options.isExecutable ?? defaultIsExecutable;
  const paths = pathFor(options.platform);
  const configured = options.configuredPath?.trim() ?? "";

  if (configured !== "") {
    // A bare name ("copydesk", "copydesk-nightly") is looked up on PATH, as a shell would.
    const bare = !configured.includes("/") && !configured.includes("\\") && !configured.startsWith("~");
    if (bare) {
      const found = onPath(configured, options).find(isExecutable);
      if (found !== undefined) {
        return { kind: "found", path: found, source: "setting" };
      }
      return { kind: "configured-missing", configured, path: configured };
    }
    const expanded = expandConfiguredPath(configured, options);
    const candidates =
      options.platform === "win32" && !expanded.toLowerCase().endsWith(".exe")
        ? [expanded, `${expanded}.exe`]
        : [expanded];
    const found = candidates.find(isExecutable);
    if (found !== undefined) {
      return { kind: "found", path: found, source: "setting" };
    }
    return { kind: "configured-missing", configured, path: expanded };
  }

  const searched: string[] = [];
  const bundled = bundledPath(options.extensionPath, options.platform);
  searched.push(bundled);
  if (isExecutable(bundled)) {
    return { kind: "found", path: bundled, source: "bundled" };
  }

  const name = programName(options.platform).replace(/\.exe$/, "");
  const fromPath = onPath(name, options);
  searched.push(`PATH (${fromPath.length} candidates)`);
  const found = fromPath.find(isExecutable);
  if (found !== undefined) {
    return { kind: "found", path: found, source: "path" };
  }

  const cargoHome = envValue(options, "CARGO_HOME") || paths.join(options.homeDir, ".cargo");
  const cargo = paths.join(cargoHome, "bin", programName(options.platform));
  searched.push(cargo);
  if (isExecutable(cargo)) {
    return { kind: "found", path: cargo, source: "cargo" };
  }
  return options.target === undefined
    ? { kind: "not-found", searched }
    : { kind: "not-found", searched, target: options.target };
}

/** The command that installs copydesk, shown when it cannot be found. */
export const INSTALL_COMMAND = "cargo install --path .";

/** The one notification shown when the program cannot be found. */
export function notFoundMessage(resolution: Exclude<Resolution, { kind: "found" }>): string {
  if (resolution.kind === "configured-missing") {
    return (
      `copydesk: the setting copydesk.server.path is "${resolution.configured}", ` +
      `but there is no copydesk program at ${resolution.path}. ` +
      "Correct the setting, or clear it to use the copydesk on your PATH."
    );
  }
  if (resolution.target !== undefined) {
    return (
      `copydesk: this package of the extension has no copydesk program for ${resolution.target}, ` +
      "nor is there one on your PATH or in ~/.cargo/bin, so drafts are not checked. " +
      `Install copydesk by running \`${INSTALL_COMMAND}\` in the copydesk repository ` +
      "(or put copydesk from a release download on your PATH), " +
      'then run "copydesk: Restart server". You can also set copydesk.server.path.'
    );
  }
  return (
    "copydesk: the copydesk program was not found, so drafts are not checked. " +
    `Install it by running \`${INSTALL_COMMAND}\` in the copydesk repository ` +
    "(or put copydesk from a release download on your PATH), " +
    'then run "copydesk: Restart server". You can also set copydesk.server.path.'
  );
}

/** How the output channel describes where the program came from. */
export function describeSource(source: ServerSource): string {
  switch (source) {
    case "setting":
      return "from the copydesk.server.path setting";
    case "bundled":
      return "bundled with the extension";
    case "path":
      return "found on PATH";
    case "cargo":
      return "found in Cargo's bin folder";
  }
}
