#!/usr/bin/env bash
# The interface's message catalogs (gettext, with babel's tools: pip install babel).
#
#   scripts/i18n.sh update     # extract the messages into quotex.pot, merge them into each .po
#   scripts/i18n.sh compile    # compile each .po into the .mo that quotex ships and reads
#   scripts/i18n.sh init de    # start a catalog for another language (then add it to i18n.LANGUAGES)
#
# Translate in src/quotex/locale/<language>/LC_MESSAGES/quotex.po, then compile and commit both files:
# the compiled .mo is package data, so `pip install .` needs no step of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
locale=src/quotex/locale
case "${1:-}" in
    update)
        pybabel extract -F babel.cfg -k N_ -k ngettext:1,2 --no-location --sort-output \
            --project quotex --copyright-holder "quotex authors" -o "$locale/quotex.pot" src/quotex
        pybabel update -D quotex -i "$locale/quotex.pot" -d "$locale" --no-fuzzy-matching --ignore-obsolete
        ;;
    compile)
        pybabel compile -D quotex -d "$locale" --statistics
        ;;
    init)
        pybabel init -D quotex -i "$locale/quotex.pot" -d "$locale" -l "${2:?language code}"
        ;;
    *)
        echo "usage: $0 update | compile | init LANGUAGE" >&2
        exit 2
        ;;
esac
