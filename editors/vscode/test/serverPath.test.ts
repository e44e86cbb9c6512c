import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";

import {
  bundledPath,
  defaultIsExecutable,
  notFoundMessage,
  resolveServer,
  ResolveOptions,
  vscodeTarget,
} from "../src/serverPath";

/** Options for a Linux machine whose only executables are `files`. */
function linux(files: string[], overrides: Partial<ResolveOptions> = {}): ResolveOptions {
  const existing = new Set(files);
  return {
    extensionPath: "/ext",
    platform: "linux",
    env: { PATH: "/usr/local/bin:/usr/bin" },
    homeDir: "/home/ana",
    workspaceFolders: ["/home/ana/story"],
    isExecutable: (file) => existing.has(file),
    ...overrides,
  };
}

function windows(files: string[], overrides: Partial<ResolveOptions> = {}): ResolveOptions {
  const existing = new Set(files.map((file) => file.toLowerCase()));
  return {
    extensionPath: "C:\\ext",
    platform: "win32",
    env: { Path: "C:\\Tools;C:\\Windows", PATHEXT: ".COM;.EXE;.BAT" },
    homeDir: "C:\\Users\\ana",
    workspaceFolders: ["C:\\Users\\ana\\story"],
    isExecutable: (file) => existing.has(file.toLowerCase()),
    ...overrides,
  };
}

describe("server path resolution", () => {
  it("prefers the setting over everything else", () => {
    const options = linux(["/opt/copydesk/copydesk", "/ext/server/copydesk", "/usr/bin/copydesk"], {
      configuredPath: "/opt/copydesk/copydesk",
    });
    assert.deepEqual(resolveServer(options), { kind: "found", path: "/opt/copydesk/copydesk", source: "setting" });
  });

  it("expands ~ and ${userHome}, and resolves a relative setting against the workspace", () => {
    const files = ["/home/ana/bin/copydesk", "/home/ana/story/tools/copydesk"];
    assert.equal(resolveServer(linux(files, { configuredPath: "~/bin/copydesk" })).kind, "found");
    assert.deepEqual(resolveServer(linux(files, { configuredPath: "${userHome}/bin/copydesk" })), {
      kind: "found",
      path: "/home/ana/bin/copydesk",
      source: "setting",
    });
    assert.deepEqual(resolveServer(linux(files, { configuredPath: "tools/copydesk" })), {
      kind: "found",
      path: "/home/ana/story/tools/copydesk",
      source: "setting",
    });
    assert.deepEqual(resolveServer(linux(files, { configuredPath: "${workspaceFolder}/tools/copydesk" })), {
      kind: "found",
      path: "/home/ana/story/tools/copydesk",
      source: "setting",
    });
  });

  it("looks a bare command name in the setting up on PATH", () => {
    assert.deepEqual(resolveServer(linux(["/usr/bin/copydesk-nightly"], { configuredPath: "copydesk-nightly" })), {
      kind: "found",
      path: "/usr/bin/copydesk-nightly",
      source: "setting",
    });
  });

  it("never replaces a wrong setting by another program", () => {
    const resolution = resolveServer(
      linux(["/ext/server/copydesk", "/usr/bin/copydesk"], { configuredPath: "~/nowhere/copydesk" }),
    );
    assert.deepEqual(resolution, {
      kind: "configured-missing",
      configured: "~/nowhere/copydesk",
      path: "/home/ana/nowhere/copydesk",
    });
    assert.match(notFoundMessage(resolution as Exclude<typeof resolution, { kind: "found" }>), /\/home\/ana\/nowhere\/copydesk/);
  });

  it("takes the bundled program before PATH", () => {
    assert.deepEqual(resolveServer(linux(["/ext/server/copydesk", "/usr/bin/copydesk"])), {
      kind: "found",
      path: "/ext/server/copydesk",
      source: "bundled",
    });
    assert.deepEqual(resolveServer(linux(["/ext/server/copydesk"], { configuredPath: "  " })).kind, "found");
  });

  it("searches PATH in order", () => {
    assert.deepEqual(resolveServer(linux(["/usr/bin/copydesk", "/usr/local/bin/copydesk"])), {
      kind: "found",
      path: "/usr/local/bin/copydesk",
      source: "path",
    });
  });

  it("falls back to Cargo's bin folder, which desktop-started editors often lack on PATH", () => {
    assert.deepEqual(resolveServer(linux(["/home/ana/.cargo/bin/copydesk"])), {
      kind: "found",
      path: "/home/ana/.cargo/bin/copydesk",
      source: "cargo",
    });
    assert.deepEqual(
      resolveServer(linux(["/srv/cargo/bin/copydesk"], { env: { PATH: "/usr/bin", CARGO_HOME: "/srv/cargo" } })),
      { kind: "found", path: "/srv/cargo/bin/copydesk", source: "cargo" },
    );
  });

  it("says where it looked and how to install when nothing is found", () => {
    const resolution = resolveServer(linux([]));
    assert.equal(resolution.kind, "not-found");
    if (resolution.kind !== "not-found") return;
    assert.deepEqual(resolution.searched, ["/ext/server/copydesk", "PATH (2 candidates)", "/home/ana/.cargo/bin/copydesk"]);
    const message = notFoundMessage(resolution);
    assert.match(message, /cargo install --path \./);
    assert.match(message, /copydesk: Restart server/);
  });

  it("names this machine's platform when the package bundles no program for it", () => {
    const resolution = resolveServer(linux([], { target: vscodeTarget("linux", "arm64") }));
    assert.equal(resolution.kind, "not-found");
    if (resolution.kind !== "not-found") return;
    assert.equal(resolution.target, "linux-arm64");
    const message = notFoundMessage(resolution);
    assert.match(message, /no copydesk program for linux-arm64/);
    assert.match(message, /cargo install --path \./);
    assert.match(message, /copydesk: Restart server/);
    assert.equal(vscodeTarget("linux", "arm"), "linux-armhf");
    assert.equal(vscodeTarget("darwin", "x64"), "darwin-x64");
  });

  it("handles Windows: .exe, Path spelled in any case, PATHEXT", () => {
    assert.equal(bundledPath("C:\\ext", "win32"), "C:\\ext\\server\\copydesk.exe");
    assert.deepEqual(resolveServer(windows(["C:\\ext\\server\\copydesk.exe"])), {
      kind: "found",
      path: "C:\\ext\\server\\copydesk.exe",
      source: "bundled",
    });
    assert.deepEqual(resolveServer(windows(["C:\\Windows\\copydesk.exe"])), {
      kind: "found",
      path: "C:\\Windows\\copydesk.exe",
      source: "path",
    });
    assert.deepEqual(resolveServer(windows(["D:\\bin\\copydesk.exe"], { configuredPath: "D:\\bin\\copydesk" })), {
      kind: "found",
      path: "D:\\bin\\copydesk.exe",
      source: "setting",
    });
    assert.deepEqual(resolveServer(windows(["C:\\Users\\ana\\.cargo\\bin\\copydesk.exe"])).kind, "found");
  });

  it("checks real files: a file with an execute bit, not a folder or a plain file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-path-"));
    try {
      const program = path.join(dir, "copydesk");
      fs.writeFileSync(program, "#!/bin/sh\n");
      fs.chmodSync(program, 0o755);
      const plain = path.join(dir, "notes.txt");
      fs.writeFileSync(plain, "");
      fs.chmodSync(plain, 0o644);
      assert.equal(defaultIsExecutable(program), true);
      assert.equal(defaultIsExecutable(dir), false);
      assert.equal(defaultIsExecutable(path.join(dir, "missing")), false);
      if (process.platform !== "win32" && process.getuid?.() !== 0) {
        assert.equal(defaultIsExecutable(plain), false);
      }
      const resolution = resolveServer({
        extensionPath: path.join(dir, "ext"),
        platform: process.platform,
        env: { PATH: dir },
        homeDir: dir,
      });
      assert.deepEqual(resolution, { kind: "found", path: program, source: "path" });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
