#!/usr/bin/env bash
# The 99% horizon against the lab's clock as a PNG: reads a horizon.csv of bench/selfimprove.sh (lab clock as
# m:ss or h:mm:ss, the generation the champion comes from, its 99% horizon), draws the step line as SVG and has
# headless Chromium (the dashboard tests' browser) render it.
#   bench/horizon-plot.sh horizon.csv out.png [title]
set -euo pipefail
csv=$1 png=$2 title=${3:-99% horizon (sealed) against the lab\'s clock}
svg=$(mktemp --suffix=.svg)
trap 'rm -f "$svg"' EXIT
awk -F, -v title="$title" '
  function seconds(t,   p, n) { n = split(t, p, ":"); return n == 3 ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
  { x[NR] = seconds($1) / 60; y[NR] = $3 + 0; if (x[NR] > xmax) xmax = x[NR]; if (y[NR] > ymax) ymax = y[NR] }
  END {
    if (NR == 0) { print "horizon-plot: " FILENAME " has no rows" > "/dev/stderr"; exit 2 }
    W = 800; H = 480; L = 70; R = 30; T = 50; B = 60
    xmax = xmax < 10 ? 10 : int(xmax / 10 + 1) * 10; ymax = int(ymax / 5 + 1) * 5
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"13\">\n", W, H
    printf "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", W, H
    printf "<text x=\"%d\" y=\"28\" font-size=\"16\" font-weight=\"bold\">%s</text>\n", L, title
    for (v = 0; v <= ymax; v += 5) { yy = H - B - v / ymax * (H - T - B)
      printf "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>\n", L, W - R, yy, yy, L - 8, yy + 4, v }
    step = xmax <= 30 ? 5 : xmax <= 60 ? 10 : 20
    for (v = 0; v <= xmax; v += step) { xx = L + v / xmax * (W - L - R)
      printf "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#ddd\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n", xx, xx, T, H - B, xx, H - B + 20, v }
    printf "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">lab clock (minutes)</text>\n", (L + W - R) / 2, H - 15
    printf "<text transform=\"rotate(-90)\" x=\"%d\" y=\"20\" text-anchor=\"middle\">99%% horizon (digits)</text>\n", -(T + H - B) / 2
    path = ""
    for (i = 1; i <= NR; i++) { xx = L + x[i] / xmax * (W - L - R); yy = H - B - y[i] / ymax * (H - T - B)
      path = path (i == 1 ? "M" : sprintf("H%.1f V", xx)) (i == 1 ? sprintf("%.1f %.1f", xx, yy) : sprintf("%.1f", yy))
      dots = dots sprintf("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#1f77b4\"/>", xx, yy) }
    printf "<path d=\"%s\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\"/>\n%s\n</svg>\n", path, dots
  }' "$csv" > "$svg"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=800,480 \
  --screenshot="$(realpath -m "$png")" "file://$svg" > /dev/null 2>&1
[ -s "$png" ] || { echo "horizon-plot: chromium wrote no $png" >&2; exit 1; }
echo "horizon-plot: $png"
