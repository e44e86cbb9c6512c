#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) into DIR for the VS Code end-to-end test, from
# the npm registry only: code-server 4.100.3 (VS Code 1.100.3), the last release for Node 20.
#
#   editors/vscode/e2e/install-code-server.sh DIR
#
# Needs Node 20 with npm, a C++ toolchain, Node's headers in /usr/include/node and Debian's
# `ripgrep` and `libkrb5-dev` (apt-get install -y chromium libkrb5-dev ripgrep; Chromium is for
# the test itself). Nothing else is downloaded: VS Code's ripgrep package would fetch its binary
# from GitHub, so its install script is refused and Debian's `rg` takes its place.
#
# Installing takes a few minutes, once: when DIR already holds a working code-server, the script
# says so and exits.
set -euo pipefail

VERSION=4.100.3
dir="${1:?usage: install-code-server.sh DIR}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
cs="$dir/node_modules/code-server"

if [ -x "$cs/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] && [ -f "$dir/.installed-$VERSION" ]; then
  echo "code-server $VERSION is installed in $dir"
  exit 0
fi
for tool in node npm rg make g++; do
  command -v "$tool" >/dev/null || { echo "install-code-server.sh: \`$tool\` is required" >&2; exit 1; }
done
[ -f /usr/include/node/node.h ] || { echo "install-code-server.sh: Node's headers (/usr/include/node) are required" >&2; exit 1; }
case "$(node --version)" in
  v20.*) ;;
  *) echo "install-code-server.sh: code-server $VERSION needs Node 20, not $(node --version)" >&2; exit 1 ;;
esac

# npm 11 asks each project to allow its dependencies' install scripts (package.json's
# allowScripts). The native modules VS Code's server loads are built here against the system's
# Node headers; ripgrep's script, which downloads, is refused.
allow_scripts() {
  node - "$1" <<'JS'
const fs = require("fs");
const file = process.argv[2];
const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
pkg.allowScripts = {
  "@vscode/spdlog": true,
  "node-pty": true,
  kerberos: true,
  "native-watchdog": true,
  "@vscode/deviceid": true,
  "@parcel/watcher": true,
  argon2: true,
  // Run by hand below, after the allow lists are in place.
  "code-server": false,
  // Downloads its program from GitHub; Debian's rg is linked in instead.
  "@vscode/ripgrep": false,
  // Windows only.
  "@vscode/windows-process-tree": false,
  "@vscode/windows-registry": false,
};
fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
JS
}

export npm_config_unsafe_perm=true   # code-server's postinstall insists on it under root
export npm_config_yes=true           # node-pty's install script asks npx for node-gyp
export npm_config_nodedir=/usr       # Node's headers, instead of downloading them
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

cd "$dir"
[ -f package.json ] || echo '{ "private": true }' >package.json
allow_scripts "$dir/package.json"
npm install --ignore-scripts --no-save "code-server@$VERSION"
# code-server's own native module (password hashing), which it loads at start even with
# --auth none: built from source, as its prebuilt binaries would come from GitHub.
npm_config_build_from_source=true npm rebuild argon2

cd "$cs"
allow_scripts lib/vscode/package.json
allow_scripts lib/vscode/extensions/package.json
# code-server's postinstall installs VS Code's own dependencies (lib/vscode and its built-in
# extensions) with npm; it reads npm's user agent to check the Node version.
npm_config_user_agent="npm/$(npm --version) node/$(node --version) linux x64" sh ./postinstall.sh
mkdir -p lib/vscode/node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" lib/vscode/node_modules/@vscode/ripgrep/bin/rg

# It starts: every module it loads at start is in place.
node "$cs/out/node/entry.js" --version
touch "$dir/.installed-$VERSION"
echo "code-server $VERSION is installed in $dir"
