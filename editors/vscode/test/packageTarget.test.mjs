// Unit tests of the platform packaging script (plain JavaScript, run by node --test directly).
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";

import { binaryCandidates, hostTarget, programFor, TARGETS, zipEntries } from "../scripts/package-target.mjs";

describe("platform packages", () => {
  it("names the program copydesk.exe on Windows only", () => {
    assert.equal(programFor("win32-x64"), "copydesk.exe");
    assert.equal(programFor("linux-x64"), "copydesk");
    assert.equal(programFor("darwin-arm64"), "copydesk");
  });

  it("maps every VS Code target to a Rust target", () => {
    assert.equal(TARGETS["linux-x64"], "x86_64-unknown-linux-gnu");
    assert.equal(TARGETS["darwin-arm64"], "aarch64-apple-darwin");
    assert.equal(TARGETS["win32-x64"], "x86_64-pc-windows-msvc");
  });

  it("knows the host target", () => {
    assert.equal(hostTarget("linux", "x64"), "linux-x64");
    assert.equal(hostTarget("darwin", "arm64"), "darwin-arm64");
    assert.equal(hostTarget("sunos", "x64"), undefined);
  });

  it("looks for a cross-compiled binary, and for the plain release build on the host", () => {
    assert.deepEqual(binaryCandidates("linux-x64", "/repo", "linux-x64"), [
      path.join("/repo", "target", "x86_64-unknown-linux-gnu", "release", "copydesk"),
      path.join("/repo", "target", "release", "copydesk"),
    ]);
    assert.deepEqual(binaryCandidates("win32-x64", "/repo", "linux-x64"), [
      path.join("/repo", "target", "x86_64-pc-windows-msvc", "release", "copydesk.exe"),
    ]);
  });

  it("reads the names and modes of a zip's entries", () => {
    // A zip with one stored, empty entry "a/b" of mode 100755, built by hand.
    const name = Buffer.from("a/b");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((0o100755 << 16) >>> 0, 38);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(local.length + name.length, 16);
    const zip = Buffer.concat([local, name, central, name, end]);
    assert.deepEqual(zipEntries(zip), [{ name: "a/b", mode: 0o100755 }]);
  });
});
