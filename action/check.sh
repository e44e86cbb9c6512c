#!/usr/bin/env bash
# The copydesk GitHub Action's check step (see action.yml): runs `copydesk check --format
# github` on the paths given, so that findings appear as annotations on the pull request.
#
#   COPYDESK      the copydesk program (default: copydesk on PATH)
#   INPUT_PATHS   files or folders to check, separated by spaces or new lines (default: .)
#   INPUT_ARGS    more options for `copydesk check`, separated by spaces (e.g. --severity error)
#
# The exit status is copydesk's: 0 clean, 1 findings at or above the threshold, 2 an error
# (a broken .copydesk.toml, a folder with no drafts, a file that cannot be read).
set -euo pipefail

copydesk="${COPYDESK:-copydesk}"
paths=()
while IFS= read -r line; do
  read -r -a words <<<"$line"
  paths+=("${words[@]}")
done <<<"${INPUT_PATHS:-.}"
if [ "${#paths[@]}" -eq 0 ]; then
  paths=(.)
fi
read -r -a args <<<"${INPUT_ARGS:-}"

exec "$copydesk" check --format github "${args[@]}" "${paths[@]}"
