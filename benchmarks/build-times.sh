#!/usr/bin/env bash
# Figure 6: build times, on a temporary copy of the committed tree (the real spec is never touched).
#   build.clean=<s>  mvn -q -o clean package -DskipTests            all modules, from clean
#   build.regen=<s>  mvn -q -o -pl filestorage-client -am package -DskipTests
#                    after changing one line of spec/filestorage.yaml (the API title)
# Offline (-o): every plugin and dependency must already be in ~/.m2 (any earlier build does that).
# Nothing is installed: package only. Run from anywhere inside the repository.
set -euo pipefail

repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
copy=$(mktemp -d "${TMPDIR:-/tmp}/merge-sdk-build-times.XXXXXX")
trap 'rm -rf "$copy"' EXIT

git -C "$repo" archive --format=tar HEAD | tar -x -C "$copy"
cd "$copy"

seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >"$copy/.mvn-output.log" 2>&1 || { cat "$copy/.mvn-output.log" >&2; return 1; }
  end=$(date +%s.%N)
  echo "$start $end" | awk '{printf "%.1f", $2 - $1}'
}

echo "building $(git -C "$repo" rev-parse --short HEAD) in $copy"
clean=$(seconds mvn -q -o clean package -DskipTests)
echo "build.clean=$clean"

# A one-line, harmless change: the API title in the spec's info block (it heads every generated file).
line=$(grep -n '^  title:' spec/filestorage.yaml | head -1 | cut -d: -f1)
if [ -z "$line" ]; then
  echo "no '  title:' line in spec/filestorage.yaml" >&2
  exit 1
fi
sed -i "${line}s/\$/ (edited $(date +%s))/" spec/filestorage.yaml
git -C "$repo" show HEAD:spec/filestorage.yaml | diff - spec/filestorage.yaml | sed 's/^/  /' || true

regen=$(seconds mvn -q -o -pl filestorage-client -am package -DskipTests)
echo "build.regen=$regen"

# The edit really reached the generated code.
grep -rq "(edited " filestorage-client/target/generated-sources/openapi/src/main/java \
  || { echo "the spec change did not reach the generated sources" >&2; exit 1; }
