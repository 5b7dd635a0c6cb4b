#!/usr/bin/env bash
# Records the public API baseline that the build's japicmp check compares each library module with
# (see CONTRIBUTING.md, "API compatibility"). Run it only to accept a breaking change deliberately, or to
# start checking a new module, after `mvn package` has built the jars:
#
#   mvn -B package -DskipTests            # builds target/<artifact>.jar in every module
#   scripts/record-api-baseline.sh        # every module that has src/main/java/module-info.java
#   scripts/record-api-baseline.sh core   # or only the modules named
#
# The baseline is the module's jar without its internal packages and without resources: only the class
# files of the exported packages, so that it stays small and says nothing but the public signatures.
# Commit the changed src/api-baseline/public-api.jar files with a message that says what broke and why.
set -euo pipefail
cd "$(dirname "$0")/.."
modules=("$@")
if [ "${#modules[@]}" -eq 0 ]; then
  for info in */src/main/java/module-info.java; do
    modules+=("${info%%/*}")
  done
fi
for module in "${modules[@]}"; do
  jar=$(ls "$module"/target/loopdesk-*.jar 2>/dev/null | grep -v -e '-sources.jar$' -e '-javadoc.jar$' -e '-tests.jar$' | head -n1 || true)
  if [ -z "$jar" ]; then
    echo "no jar in $module/target: run mvn package first" >&2
    exit 1
  fi
  work=$(mktemp -d)
  unzip -q "$jar" -d "$work/classes"
  (
    cd "$work/classes"
    # only class files of packages that are not internal; no resources, no manifest timestamps
    find . -type f ! -name '*.class' -delete
    find . -type d -name internal -prune -exec rm -rf {} +
    find . -type f -name '*.class' | LC_ALL=C sort > "$work/files"
    mkdir -p "$OLDPWD/$module/src/api-baseline"
    rm -f "$OLDPWD/$module/src/api-baseline/public-api.jar"
    TZ=UTC find . -exec touch -t 202601010000 {} +
    zip -q -X -D "$OLDPWD/$module/src/api-baseline/public-api.jar" -@ < "$work/files"
  )
  rm -rf "$work"
  echo "$module: $(unzip -Z1 "$module/src/api-baseline/public-api.jar" | wc -l) classes -> $module/src/api-baseline/public-api.jar"
done
