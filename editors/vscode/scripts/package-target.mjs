// Builds a platform-specific .vsix with the copydesk program inside, the way typos-lsp and
// harper ship their servers: one package per VS Code target, each carrying `server/copydesk`
// (or `copydesk.exe`) for its platform. The Marketplace serves every user the package of their
// platform; a user who installs a .vsix by hand picks the one for their machine.
//
//   cargo build --release                                   # in the repository
//   npm run package:target -- linux-x64                     # here; uses ../../target/release/copydesk
//
//   cargo build --release --target aarch64-apple-darwin     # or cross-compiled, on a Mac
//   npm run package:target -- darwin-arm64                  # uses ../../target/aarch64-apple-darwin/release/copydesk
//
//   npm run package:target -- linux-x64 --binary /path/to/copydesk   # any prebuilt binary
//   npm run package:target -- --binary ../../target/debug/copydesk    # this machine's target
//
// The copied program is removed again afterwards, so that a later `vsce package` (the generic
// package, which finds copydesk on PATH) never ships a stale binary by accident.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const REPO_ROOT = path.resolve(PACKAGE_ROOT, "..", "..");

/** VS Code's platform targets and the Rust target that builds copydesk for each. */
export const TARGETS = {
  "linux-x64": "x86_64-unknown-linux-gnu",
  "linux-arm64": "aarch64-unknown-linux-gnu",
  "linux-armhf": "armv7-unknown-linux-gnueabihf",
  "alpine-x64": "x86_64-unknown-linux-musl",
  "alpine-arm64": "aarch64-unknown-linux-musl",
  "darwin-x64": "x86_64-apple-darwin",
  "darwin-arm64": "aarch64-apple-darwin",
  "win32-x64": "x86_64-pc-windows-msvc",
  "win32-arm64": "aarch64-pc-windows-msvc",
};

/** The program's name inside the package for a target. */
export function programFor(target) {
  return target.startsWith("win32-") ? "copydesk.exe" : "copydesk";
}

/** The VS Code target of the machine this runs on, when there is one. */
export function hostTarget(platform = process.platform, arch = process.arch) {
  const name = `${platform}-${arch === "arm" ? "armhf" : arch}`;
  return name in TARGETS ? name : undefined;
}

/** Where the binary for a target is looked for when --binary is not given, in order. */
export function binaryCandidates(target, repoRoot = REPO_ROOT, host = hostTarget()) {
  const program = programFor(target);
  const candidates = [path.join(repoRoot, "target", TARGETS[target], "release", program)];
  if (target === host) {
    candidates.push(path.join(repoRoot, "target", "release", program));
  }
  return candidates;
}

/** The file names and Unix modes of a zip's entries (a .vsix is a zip). */
export function zipEntries(buffer) {
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error("not a zip file: no end of central directory");
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error("bad zip central directory");
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const mode = buffer.readUInt32LE(offset + 38) >>> 16;
    const name = buffer.toString("utf8", offset + 46, offset + 46 + nameLength);
    entries.push({ name, mode });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function fail(message) {
  console.error(`package-target: ${message}`);
  process.exit(2);
}

function main(args) {
  const target =
    args.find((arg, index) => !arg.startsWith("--") && args[index - 1] !== "--binary") ?? hostTarget();
  if (!target || !(target in TARGETS)) {
    fail(`give a target: one of ${Object.keys(TARGETS).join(", ")}`);
  }
  const given = args.includes("--binary") ? args[args.indexOf("--binary") + 1] : undefined;
  const candidates = given ? [path.resolve(given)] : binaryCandidates(target);
  const binary = candidates.find((file) => fs.existsSync(file));
  if (!binary) {
    fail(
      `no copydesk binary for ${target}; looked at ${candidates.join(", ")}. ` +
        `Build it with \`cargo build --release --target ${TARGETS[target]}\` or pass --binary.`,
    );
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8"));
  const destination = path.join(PACKAGE_ROOT, "server", programFor(target));
  const output = path.join(PACKAGE_ROOT, `${manifest.name}-${target}-${manifest.version}.vsix`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  fs.copyFileSync(binary, destination);
  fs.chmodSync(destination, 0o755);
  console.log(`package-target: ${binary} -> server/${programFor(target)}`);
  try {
    const vsce = spawnSync("npx", ["vsce", "package", "--target", target, "--out", output], {
      cwd: PACKAGE_ROOT,
      stdio: "inherit",
      shell: process.platform === "win32",
    });
    if (vsce.status !== 0) {
      fail(`vsce package --target ${target} failed (${vsce.status ?? vsce.signal})`);
    }
  } finally {
    fs.rmSync(destination, { force: true });
  }
  // The package must hold the program, executable, where the extension looks for it.
  const entry = zipEntries(fs.readFileSync(output)).find(
    (candidate) => candidate.name === `extension/server/${programFor(target)}`,
  );
  if (!entry) {
    fail(`${path.basename(output)} does not contain extension/server/${programFor(target)}`);
  }
  if (!target.startsWith("win32-") && (entry.mode & 0o111) === 0) {
    fail(`extension/server/${programFor(target)} is not executable in the package (mode ${entry.mode.toString(8)})`);
  }
  console.log(`package-target: ${path.basename(output)} holds extension/server/${programFor(target)} (mode ${entry.mode.toString(8)})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
