export interface ScoreRow {
  label: string;
  /** 0–100, or null when nothing is answered. */
  value: number | null;
  /** Optional comparison (e.g. the median of other owners, or the previous round). */
  compare?: number | null;
  /** Optional text for the table only (e.g. how many questions are answered). */
  detail?: string;
}

/**
 * Scores 0–100 as horizontal bars drawn on the server (SVG), with the same figures in a table for
 * screen readers and exact reading. The label sits above each bar so long area names fit on phones.
 */
export function ScoreChart({
  rows,
  caption,
  valueLabel,
  compareLabel,
  detailLabel,
  emptyLabel,
}: {
  rows: ScoreRow[];
  caption: string;
  valueLabel: string;
  compareLabel?: string;
  detailLabel?: string;
  emptyLabel: string;
}) {
  const width = 640;
  const barWidth = width - 60;
  // Labels are wrapped on the server: on a phone the chart is drawn at half its size, so the CSS
  // draws its text larger there (app.css), and a label of more than ~34 characters would not fit.
  const lineHeight = 31;
  let top = 0;
  const laidOut = rows.map((r) => {
    const lines = wrapLabel(r.label, 34);
    const y = top;
    top += lines.length * lineHeight + 30;
    return { ...r, lines, y, barY: y + lines.length * lineHeight - 4 };
  });
  return (
    <figure className="score-chart">
      <svg viewBox={`0 0 ${width} ${top}`} role="img" aria-hidden="true" focusable="false" width="100%">
        {laidOut.map((r) => {
          const w = ((r.value ?? 0) / 100) * barWidth;
          return (
            <g key={r.label}>
              <text x={0} y={r.y + 20} className="score-chart__label">
                {r.lines.map((line, i) => (
                  <tspan key={line} x={0} dy={i === 0 ? 0 : lineHeight}>
                    {line}
                  </tspan>
                ))}
              </text>
              <rect x={0} y={r.barY} width={barWidth} height={16} rx={3} className="score-chart__track" />
              <rect x={0} y={r.barY} width={Math.max(w, 0)} height={16} rx={3} className="score-chart__bar" />
              {r.compare !== undefined && r.compare !== null ? (
                <line
                  x1={(r.compare / 100) * barWidth}
                  x2={(r.compare / 100) * barWidth}
                  y1={r.barY - 3}
                  y2={r.barY + 19}
                  className="score-chart__compare"
                />
              ) : null}
              <text x={barWidth + 8} y={r.barY + 14} className="score-chart__value">
                {r.value ?? "–"}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="ds-table" data-size="sm">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{caption}</th>
            <th scope="col">{valueLabel}</th>
            {compareLabel ? <th scope="col">{compareLabel}</th> : null}
            {detailLabel ? <th scope="col">{detailLabel}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <td>{r.label}</td>
              <td>{r.value ?? emptyLabel}</td>
              {compareLabel ? <td>{r.compare ?? "–"}</td> : null}
              {detailLabel ? <td>{r.detail}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** A label in lines of at most `max` characters, broken between words (a longer word keeps its line). */
export function wrapLabel(label: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : [label];
}
