#!/usr/bin/env bash
# The podnet GitHub Action's check step (action.yml): runs `podnet check` on $PODNET_PATHS with
# $PODNET_ARGS, writes the SARIF log to $PODNET_SARIF, prints the findings as workflow-command
# annotations, and records podnet's exit code as the step output `exit-code` (a later step fails
# the job with it, after the SARIF upload). Paths and arguments are split on blanks.
set -euo pipefail

read -r -a paths <<< "${PODNET_PATHS:-.}"
read -r -a args <<< "${PODNET_ARGS:-}"
sarif="${PODNET_SARIF:-podnet.sarif}"

code=0
podnet check "${paths[@]}" "${args[@]}" --format sarif > "$sarif" || code=$?
# The same findings as annotations on the pull request's files; the exit code is the one above.
podnet check "${paths[@]}" "${args[@]}" --format github || true

echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"
echo "podnet: exit code $code (0 clean, 1 error findings, 2 unusable input); SARIF in $sarif"
