#!/usr/bin/env bash
# Install quotex with `pip install .` into fresh virtual environments on Python 3.10, 3.11, 3.12 and 3.13
# (pyenv's newest patch release of each), plus two without pkg_resources: 3.11 after
# `pip uninstall -y setuptools`, and 3.12 with setuptools 82+ (which no longer ships pkg_resources) when
# that release can be installed. In each: run `quotex samples/aliyev-kazinform-interview.txt -f json` and
# check that it succeeds with a version-1 JSON object. Prints one line per environment; exits 1 if any
# failed. Logs stay in the printed directory.
#
#   scripts/check_pythons.sh            # from anywhere in the project
#   KEEP=1 scripts/check_pythons.sh     # keep the environments too
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/quotex-pythons.XXXXXX")
logs="$work/logs"
mkdir -p "$logs"
if [[ -z "${KEEP:-}" ]]; then
    trap 'find "$work" -mindepth 1 -maxdepth 1 ! -name logs -exec rm -rf {} +' EXIT
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONWARNDEFAULTENCODING=1

# Build from a clean copy of the tree, so nothing (build/, egg-info) is left in the working tree.
mkdir "$work/src"
tar -C "$root" --exclude=./.venv --exclude=./.git --exclude=./build --exclude='*.egg-info' \
    --exclude=__pycache__ -cf - . | tar -C "$work/src" -xf -

find_python() {
    local found
    found=$(ls -d "${PYENV_ROOT:-$HOME/.pyenv}/versions/$1".* 2>/dev/null | sort -V | tail -n 1)
    [[ -n "$found" && -x "$found/bin/python" ]] && echo "$found/bin/python"
}

has_module() { "$1" -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('$2') is None)"; }

failed=0
results=()

# check NAME MINOR [setuptools-action]: setuptools-action is "remove" or "82".
check() {
    local name=$1 minor=$2 action=${3:-} python venv log start end status note=""
    log="$logs/$name.log"
    python=$(find_python "$minor") || { results+=("$name: FAIL (no Python $minor in pyenv)"); failed=1; return; }
    venv="$work/venv-$name"
    # Every step chained with &&: `set -e` does not apply inside a block whose status is tested.
    {
        echo "== $name: $python" &&
            "$python" -m venv "$venv" &&
            case "$action" in
                remove) "$venv/bin/python" -m pip uninstall -y setuptools ;;
                82) "$venv/bin/python" -m pip install 'setuptools>=82' ;;
                *) true ;;
            esac &&
            "$venv/bin/python" -m pip install "$work/src" &&
            "$venv/bin/python" -m pip list &&
            start=$(date +%s.%N) &&
            "$venv/bin/quotex" samples/aliyev-kazinform-interview.txt -f json >"$work/$name.json" &&
            end=$(date +%s.%N) &&
            "$venv/bin/python" - "$work/$name.json" <<'PY' &&
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    document = json.load(f)
assert document["version"] == 1 and document["source"].endswith("aliyev-kazinform-interview.txt"), document
print("json ok:", {key: len(value) for key, value in document.items() if isinstance(value, list)})
PY
            echo "run seconds: $(echo "$end - $start" | bc)" &&
            /usr/bin/time -f "help seconds: %e" "$venv/bin/quotex" --help >/dev/null
    } >"$log" 2>&1 && status=ok || status=FAIL
    if [[ -x "$venv/bin/python" ]]; then
        has_module "$venv/bin/python" setuptools && note="setuptools $("$venv/bin/python" -c 'import setuptools; print(setuptools.__version__)' 2>/dev/null)" || note="no setuptools"
        has_module "$venv/bin/python" pkg_resources && note="$note, pkg_resources present" || note="$note, no pkg_resources"
    fi
    [[ $status == ok ]] || failed=1
    results+=("$name: $status ($("$python" -V 2>&1); $note; $(grep -h 'run seconds\|help seconds' "$log" | tr '\n' ' '))")
}

check py3.10 3.10
check py3.11 3.11
check py3.12 3.12
check py3.13 3.13
check py3.11-no-setuptools 3.11 remove
if find_python 3.12 >/dev/null && "$(find_python 3.12)" -m pip download --no-deps -q -d "$work/probe" 'setuptools>=82' >/dev/null 2>&1; then
    check py3.12-setuptools82 3.12 82
else
    results+=("py3.12-setuptools82: not run (setuptools>=82 cannot be downloaded here)")
fi

printf '%s\n' "${results[@]}"
echo "logs: $logs"
exit $failed
