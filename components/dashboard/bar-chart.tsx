import { axisTicks, niceCeiling } from "@/lib/dashboard";

export type Bar = { label: string; value: number; color: string };

const WIDTH = 480;
const ROW = 28;
const LABEL = 72;
const PAD = 24;

/**
 * Horizontal bars, server-rendered SVG: nothing to download or hydrate. Screen readers get the title and a
 * one-line description of every bar; each bar also has its own <title> for a pointer hover.
 */
export function BarChart(props: {
  id: string;
  title: string;
  bars: Bar[];
  format?: (value: number) => string;
}) {
  const format = props.format ?? String;
  const max = niceCeiling(Math.max(0, ...props.bars.map((bar) => bar.value)));
  const plot = WIDTH - LABEL - PAD;
  const height = Math.max(1, props.bars.length) * ROW + 24;
  const description = props.bars.length
    ? props.bars.map((bar) => `${bar.label}: ${format(bar.value)}`).join("; ")
    : "No data";
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="h-auto w-full max-w-xl"
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      data-testid={props.id}
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{description}</desc>
      {axisTicks(max).map((tick) => {
        const x = LABEL + (tick / max) * plot;
        return (
          <g key={tick}>
            <line x1={x} x2={x} y1={0} y2={height - 20} stroke="#3f3f46" strokeDasharray="2 3" />
            <text x={x} y={height - 6} fill="#a1a1aa" fontSize="11" textAnchor="middle">
              {format(tick)}
            </text>
          </g>
        );
      })}
      {props.bars.map((bar, index) => {
        const y = index * ROW + 4;
        const width = (bar.value / max) * plot;
        return (
          <g key={bar.label}>
            <text x={LABEL - 8} y={y + 15} fill="#e4e4e7" fontSize="12" textAnchor="end">
              {bar.label}
            </text>
            <rect
              x={LABEL}
              y={y}
              width={Math.max(width, bar.value > 0 ? 2 : 0)}
              height={ROW - 8}
              fill={bar.color}
              rx="2"
            >
              <title>{`${bar.label}: ${format(bar.value)}`}</title>
            </rect>
            <text x={LABEL + width + 6} y={y + 15} fill="#e4e4e7" fontSize="12">
              {format(bar.value)}
            </text>
          </g>
        );
      })}
      {props.bars.length === 0 ? (
        <text x={LABEL} y={18} fill="#a1a1aa" fontSize="12">
          None
        </text>
      ) : null}
    </svg>
  );
}
