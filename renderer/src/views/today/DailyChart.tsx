import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TodayChart } from '../../../../shared/contract/index.ts';

const HEIGHT = 140;
/** Below this the axes' labels overlap; a narrower card scrolls nothing and just draws smaller text. */
const MIN_WIDTH = 160;

/** A colour of the app's theme (styles.css), so the canvas follows light and dark like the rest. */
const themeColour = (element: Element, name: string) => getComputedStyle(element).getPropertyValue(name).trim();

/** Noon UTC of a day, in seconds: the day stays the same day in every time zone the axis is drawn in. */
const dayToSeconds = (date: string) => Date.parse(`${date}T12:00:00Z`) / 1000;

interface DailyChartProps {
  chart: TodayChart;
  /** The last N days of the chart's points. */
  days: number;
  /** What the chart shows, for people who cannot see it (with a summary in words beside it). */
  label: string;
}

/**
 * A card's points per day drawn with uPlot on a canvas: the values as a line with its points, the
 * goal (when there is one) as a dashed line. uPlot sets only CSSOM styles, which the CSP allows.
 */
export function DailyChart({ chart, days, label }: DailyChartProps) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const points = chart.points.slice(-days);
    const xs = points.map((point) => dayToSeconds(point.date));
    const values = points.map((point) => point.value);
    const goal = chart.goal;
    const accent = themeColour(element, '--accent');
    const muted = themeColour(element, '--text-muted');
    const grid = themeColour(element, '--border');
    const highest = Math.max(goal ?? 0, ...values.map((value) => value ?? 0));
    const options: uPlot.Options = {
      width: Math.max(MIN_WIDTH, element.clientWidth),
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: true }, y: { range: () => [0, highest > 0 ? highest * 1.1 : 1] } },
      axes: [
        { stroke: muted, grid: { show: false }, ticks: { stroke: grid } },
        { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { show: false }, size: 48 },
      ],
      series: [
        {},
        { label: chart.key, stroke: accent, width: 2, points: { show: true, size: days > 7 ? 3 : 6, fill: accent } },
        ...(goal === null ? [] : [{ label: 'goal', stroke: muted, width: 1, dash: [6, 4], points: { show: false } }]),
      ],
    };
    const data: uPlot.AlignedData = goal === null ? [xs, values] : [xs, values, xs.map(() => goal)];
    const plot = new uPlot(options, data, element);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(MIN_WIDTH, element.clientWidth), height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [chart, days]);

  return <div ref={box} className="today-chart" role="img" aria-label={label} />;
}
