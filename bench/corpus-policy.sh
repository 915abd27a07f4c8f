#!/usr/bin/env bash
# A second English corpus for bench/efficiency.sh, of another register than Shakespeare: the Debian Policy
# Manual and its companion documents (the upgrading checklist, the menu, Perl, debconf, copyright-format and
# autopkgtest specifications) as plain text, from the debian-policy package, installed here with apt when
# missing. Normative technical prose, numbered sections, lists and field tables; the checklist quotes the
# manual, so passages repeat across files (what `successor data split` must keep on one side). About 0.7 MB;
# built at run time and never committed.
#   bench/corpus-policy.sh OUT.txt     (paragraphs separated by blank lines: one document each)
set -euo pipefail
out=${1:?give the text file to write, e.g. /tmp/successor-bench/policy.txt}
docs=/usr/share/doc/debian-policy
if [ ! -f "$docs/policy.txt.gz" ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --reinstall debian-policy; } >&2
fi
[ -f "$docs/policy.txt.gz" ] || { echo "corpus-policy: $docs/policy.txt.gz is missing after installing debian-policy" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
: > "$out"
for f in policy upgrading-checklist menu-policy perl-policy debconf_specification copyright-format-1.0 autopkgtest; do
  [ -f "$docs/$f.txt.gz" ] && { zcat "$docs/$f.txt.gz"; printf '\n\n'; } >> "$out"
done
echo "corpus-policy: $(wc -c < "$out") bytes in $out" >&2
