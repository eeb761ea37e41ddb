export interface ScoreRow {
  label: string;
  /** 0–100, or null when nothing is answered. */
  value: number | null;
  /** Optional comparison (e.g. the median of other owners, or the previous round). */
  compare?: number | null;
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
  emptyLabel,
}: {
  rows: ScoreRow[];
  caption: string;
  valueLabel: string;
  compareLabel?: string;
  emptyLabel: string;
}) {
  const rowHeight = 46;
  const width = 640;
  const barWidth = width - 60;
  return (
    <figure className="score-chart">
      <svg
        viewBox={`0 0 ${width} ${rows.length * rowHeight}`}
        role="img"
        aria-hidden="true"
        focusable="false"
        width="100%"
      >
        {rows.map((r, i) => {
          const y = i * rowHeight;
          const w = ((r.value ?? 0) / 100) * barWidth;
          return (
            <g key={r.label}>
              <text x={0} y={y + 14} className="score-chart__label">
                {r.label}
              </text>
              <rect x={0} y={y + 20} width={barWidth} height={16} rx={3} className="score-chart__track" />
              <rect x={0} y={y + 20} width={Math.max(w, 0)} height={16} rx={3} className="score-chart__bar" />
              {r.compare !== undefined && r.compare !== null ? (
                <line
                  x1={(r.compare / 100) * barWidth}
                  x2={(r.compare / 100) * barWidth}
                  y1={y + 17}
                  y2={y + 39}
                  className="score-chart__compare"
                />
              ) : null}
              <text x={barWidth + 8} y={y + 33} className="score-chart__value">
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
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <td>{r.label}</td>
              <td>{r.value ?? emptyLabel}</td>
              {compareLabel ? <td>{r.compare ?? "–"}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
