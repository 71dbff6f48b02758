import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { RagStatus } from '@shared/rules/termly-review';
import { trendText } from '@shared/rules/termly-trend';
import type { OverviewRow } from '../../db/repositories/review-repository';
import type { TrendProgress } from './review-trend';

const colours = { red: '#b42318', amber: '#b54708', green: '#1e7b34' } as const;

function countBy(statuses: readonly RagStatus[]) {
  return {
    red: statuses.filter((status) => status === 'red').length,
    amber: statuses.filter((status) => status === 'amber').length,
    green: statuses.filter((status) => status === 'green').length,
  };
}

/**
 * Two charts beside the table (which holds the same figures, for keyboard and screen-reader use):
 * this term's figures by status per young person, and the trend across this term and the five
 * before it (this academic year and last). Each is a labelled figure whose text alternative says
 * what it shows.
 */
export function ReviewCharts({
  rows,
  trend,
}: {
  rows: readonly OverviewRow[];
  trend: TrendProgress | undefined;
}) {
  const isWorking = !trend || trend.done < trend.of;
  const thisTerm = rows.map((row) => ({
    name: row.youngPerson.name,
    ...countBy(row.review.figures.map((figure) => figure.status)),
  }));
  const height = Math.max(160, thisTerm.length * 28 + 60);

  return (
    <div className="review-charts">
      <figure className="review-chart" aria-labelledby="chart-this-term">
        <figcaption id="chart-this-term">This term: each young person’s figures by status</figcaption>
        <div
          role="img"
          aria-label={`Bar chart of red, amber and green figures for ${thisTerm.length} young people. The table below lists every figure.`}
        >
          <ResponsiveContainer width="100%" height={height}>
            <BarChart
              data={thisTerm}
              layout="vertical"
              margin={{ left: 24, right: 16 }}
              accessibilityLayer={false}
            >
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={140} />
              <Tooltip />
              <Legend />
              <Bar dataKey="red" name="Red" stackId="status" fill={colours.red} isAnimationActive={false} />
              <Bar
                dataKey="amber"
                name="Amber"
                stackId="status"
                fill={colours.amber}
                isAnimationActive={false}
              />
              <Bar
                dataKey="green"
                name="Green"
                stackId="status"
                fill={colours.green}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="review-chart" aria-labelledby="chart-trend">
        <figcaption id="chart-trend">
          Trend across this term and the terms before it: young people by overall status, and home visits held
        </figcaption>
        <p className="muted" role="status">
          {!trend
            ? 'Working out the trend…'
            : isWorking
              ? `Working out the trend: ${trend.done} of ${trend.of} terms…`
              : ''}
        </p>
        {trend && trend.points.length > 0 ? (
          <div role="img" aria-label={trendText(trend.points)}>
            <ResponsiveContainer width="100%" height={260}>
              <ComposedChart
                data={[...trend.points]}
                margin={{ left: 8, right: 16 }}
                accessibilityLayer={false}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar
                  dataKey="red"
                  name="Red overall"
                  stackId="status"
                  fill={colours.red}
                  isAnimationActive={false}
                />
                <Bar
                  dataKey="amber"
                  name="Amber overall"
                  stackId="status"
                  fill={colours.amber}
                  isAnimationActive={false}
                />
                <Bar
                  dataKey="green"
                  name="Green overall"
                  stackId="status"
                  fill={colours.green}
                  isAnimationActive={false}
                />
                <Line
                  dataKey="homeVisits"
                  name="Home visits held"
                  stroke="#1d4ed8"
                  strokeWidth={2}
                  isAnimationActive={false}
                />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
        ) : null}
      </figure>
    </div>
  );
}
