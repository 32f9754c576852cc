#!/usr/bin/env bash
# Run the fast tests (unit tests and doctests; not the notebooks, not the browser) on each Python
# version given, each in its own virtual environment .venv-<version>, set up on first use with the
# versions recorded in constraints.txt. A version this machine does not have is skipped with a
# message, never failed: CI runs it wherever it is present.
#   usage: scripts/test_pythons.sh 3.12 3.13       (what `make test-pythons` runs)
set -uo pipefail
cd "$(dirname "$0")/.."

find_python() {  # print an interpreter for version $1 that really runs, or nothing
  local version="$1" candidate
  for candidate in "python$version" \
                   "$HOME/.pyenv/versions/$version"*/bin/"python$version" \
                   /usr/local/bin/"python$version" /usr/bin/"python$version"; do
    if command -v "$candidate" >/dev/null 2>&1 \
       && "$candidate" -c "import sys; sys.exit(0 if '%d.%d' % sys.version_info[:2] == '$version' else 1)" \
          >/dev/null 2>&1; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

constraints=()
if [ -f constraints.txt ]; then constraints=(-c constraints.txt); fi
status=0
for version in "$@"; do
  interpreter="$(find_python "$version")" || {
    echo "test-pythons: Python $version is not on this machine; skipped (install it to test on it)"
    continue
  }
  venv=".venv-$version"
  stamp="$venv/.installed"
  started=$SECONDS
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || { [ -f constraints.txt ] && [ constraints.txt -nt "$stamp" ]; }; then
    echo "test-pythons: setting up $venv with $interpreter"
    "$interpreter" -m venv "$venv" || { echo "test-pythons: could not create $venv"; status=1; continue; }
    "$venv/bin/python" -m pip install --quiet --upgrade pip &&
      "$venv/bin/python" -m pip install --quiet "${constraints[@]}" -e ".[dev]" &&
      touch "$stamp" || { echo "test-pythons: installing into $venv failed"; status=1; continue; }
  fi
  echo "test-pythons: Python $version ($("$venv/bin/python" -c 'import sys; print(sys.version.split()[0])')), set up in $((SECONDS - started)) s; running the unit tests and doctests"
  started=$SECONDS
  "$venv/bin/python" -m pytest -q tests netlearn --ignore=tests/browser -m "not browser and not wheel" || status=1
  echo "test-pythons: Python $version took $((SECONDS - started)) s"
done
exit $status
