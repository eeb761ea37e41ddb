export interface BarRow {
  label: string;
  value: number;
  highlight?: boolean;
}

/**
 * A horizontal bar chart drawn on the server as SVG, with the same figures in a table beside it
 * for screen readers and for reading exact numbers.
 */
export function BarChart({
  rows,
  caption,
  valueLabel,
  highlightLabel,
}: {
  rows: BarRow[];
  caption: string;
  valueLabel: string;
  highlightLabel: string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const barHeight = 36;
  const gap = 14;
  const labelWidth = 44;
  const width = 640;
  const height = rows.length * (barHeight + gap);
  return (
    <figure className="bar-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-hidden="true" focusable="false" width="100%">
        {rows.map((r, i) => {
          const y = i * (barHeight + gap);
          const w = ((width - labelWidth - 70) * r.value) / max;
          return (
            <g key={r.label}>
              <text x={0} y={y + barHeight * 0.68} className="bar-chart__label">
                {r.label}
              </text>
              <rect
                x={labelWidth}
                y={y}
                width={Math.max(w, 2)}
                height={barHeight}
                rx={4}
                className={r.highlight ? "bar-chart__bar is-highlight" : "bar-chart__bar"}
              />
              <text
                x={labelWidth + Math.max(w, 2) + 10}
                y={y + barHeight * 0.68}
                className="bar-chart__value"
              >
                {r.value}
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
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <td>
                {r.label}
                {r.highlight ? ` (${highlightLabel})` : ""}
              </td>
              <td>{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
