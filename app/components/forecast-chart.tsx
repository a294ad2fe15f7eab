import type { ForecastDay } from "@/lib/server/decks";

/** Bar chart of reviews due per day; an SVG with a text alternative, since a glance beats a table here. */
export function ForecastChart({ days, label, locale }: { days: ForecastDay[]; label: string; locale: string }) {
  const max = Math.max(1, ...days.map((d) => d.due));
  const width = 320;
  const height = 96;
  const top = 12; // room for the count above the tallest bar
  const gap = 4;
  const barWidth = (width - gap * (days.length - 1)) / days.length;
  const weekday = new Intl.DateTimeFormat(locale, { weekday: "narrow", timeZone: "UTC" });
  const description = days.map((d) => `${d.day}: ${d.due}`).join(", ");
  return (
    <figure>
      <svg viewBox={`0 ${-top} ${width} ${height + 16 + top}`} role="img" aria-label={`${label}. ${description}`} className="h-auto w-full">
        {days.map((d, i) => {
          const h = d.due === 0 ? 1 : Math.max(3, (d.due / max) * height);
          const x = i * (barWidth + gap);
          return (
            <g key={d.day}>
              <rect
                x={x}
                y={height - h}
                width={barWidth}
                height={h}
                rx={2}
                className={i === 0 ? "fill-indigo-600 dark:fill-indigo-400" : "fill-indigo-300 dark:fill-indigo-700"}
              >
                <title>{`${d.day}: ${d.due}`}</title>
              </rect>
              {d.due > 0 ? (
                <text x={x + barWidth / 2} y={height - h - 3} textAnchor="middle" className="fill-zinc-600 text-[9px] dark:fill-zinc-400">
                  {d.due}
                </text>
              ) : null}
              <text x={x + barWidth / 2} y={height + 12} textAnchor="middle" className="fill-zinc-600 text-[9px] dark:fill-zinc-400">
                {weekday.format(new Date(`${d.day}T12:00:00Z`))}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
