import { axisTicks, niceDurationCeiling } from "@/lib/dashboard";
import { formatShortDuration } from "@/lib/time";

export type Line = { label: string; color: string; points: (number | null)[] };

/** Each line also has its own dash pattern: severities stay apart without relying on colour alone. */
export const LINE_DASHES = [undefined, "7 3", "2 3", "9 3 2 3", "4 4"];

const WIDTH = 420;
const HEIGHT = 200;
const LEFT = 56;
const RIGHT = 12;
const TOP = 10;
const BOTTOM = 28;

const weekLabel = (date: Date) =>
  `${date.getUTCDate()} ${date.toLocaleString("en", { month: "short", timeZone: "UTC" })}`;

/** Consecutive non-null points joined; a week with no figure leaves a gap rather than a fake zero. */
function segments(points: (number | null)[]): [number, number][][] {
  const result: [number, number][][] = [];
  let current: [number, number][] = [];
  points.forEach((value, index) => {
    if (value === null) {
      if (current.length) result.push(current);
      current = [];
    } else current.push([index, value]);
  });
  if (current.length) result.push(current);
  return result;
}

/**
 * Durations per week, one line per severity, server-rendered SVG. The description names every figure, so
 * the chart reads out as text; each point has its own <title> for a pointer hover.
 */
export function LineChart(props: { id: string; title: string; weeks: Date[]; lines: Line[] }) {
  const max = niceDurationCeiling(
    Math.max(0, ...props.lines.flatMap((line) => line.points.map((p) => p ?? 0))),
  );
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (index: number) =>
    LEFT + (props.weeks.length <= 1 ? plotWidth / 2 : (index / (props.weeks.length - 1)) * plotWidth);
  const y = (value: number) => TOP + plotHeight - (Math.max(0, value) / max) * plotHeight;
  const labelEvery = Math.ceil(props.weeks.length / 8);
  const described = props.lines
    .map((line) => {
      const figures = line.points.flatMap((value, index) =>
        value === null ? [] : [`week of ${weekLabel(props.weeks[index]!)} ${formatShortDuration(value)}`],
      );
      return `${line.label}: ${figures.length ? figures.join(", ") : "no data"}`;
    })
    .join("; ");
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="h-auto w-full"
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      data-testid={props.id}
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{described || "No data"}</desc>
      {axisTicks(max).map((tick) => (
        <g key={tick}>
          <line
            x1={LEFT}
            x2={WIDTH - RIGHT}
            y1={y(tick)}
            y2={y(tick)}
            stroke="#3f3f46"
            strokeDasharray="2 3"
          />
          <text x={LEFT - 6} y={y(tick) + 4} fill="#a1a1aa" fontSize="11" textAnchor="end">
            {formatShortDuration(tick)}
          </text>
        </g>
      ))}
      {props.weeks.map((week, index) =>
        index % labelEvery === 0 ? (
          <text
            key={week.toISOString()}
            x={x(index)}
            y={HEIGHT - 8}
            fill="#a1a1aa"
            fontSize="11"
            textAnchor="middle"
          >
            {weekLabel(week)}
          </text>
        ) : null,
      )}
      {props.lines.map((line, lineIndex) => (
        <g key={line.label}>
          {segments(line.points).map((segment) => (
            <polyline
              key={segment[0]![0]}
              points={segment.map(([index, value]) => `${x(index)},${y(value)}`).join(" ")}
              fill="none"
              stroke={line.color}
              strokeWidth="2"
              strokeDasharray={LINE_DASHES[lineIndex % LINE_DASHES.length]}
            />
          ))}
          {line.points.map((value, index) =>
            value === null ? null : (
              // biome-ignore lint/suspicious/noArrayIndexKey: one point per week, the week's position is its identity.
              <circle key={index} cx={x(index)} cy={y(value)} r="3.5" fill={line.color}>
                <title>{`${line.label}, week of ${weekLabel(props.weeks[index]!)}: ${formatShortDuration(value)}`}</title>
              </circle>
            ),
          )}
        </g>
      ))}
    </svg>
  );
}
