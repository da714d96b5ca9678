// The records behind a KPI figure: the figure's drillDown names an ops list operation and its
// query; the lists the console knows are read here, a page at a time, each record linking to its
// detail screen.
import type { operations } from '../../../shared/api/client.ts';
import { formatTime, humanize, problemText, type Schemas } from '../api.ts';
import { href, useConsole } from '../app.tsx';
import { ListStatus, Pager, useCursorPages } from '../ui.tsx';

type DrillDown = Schemas['KpiDrillDown'];
type QueryOf<Operation extends keyof operations> = NonNullable<operations[Operation]['parameters']['query']>;

const PAGE = 20;

export function DrillDownRecords({ drillDown }: { drillDown: DrillDown }) {
  switch (drillDown.operationId) {
    case 'listReturns':
      return <ReturnRecords query={drillDown.query} />;
    case 'listSurveyResponses':
      return <SurveyRecords query={drillDown.query} />;
    case 'listRefundReviews':
      return <RefundReviewRecords query={drillDown.query} />;
    case 'listDelayedOrders':
      return (
        <p>
          <a href={href('delays')}>Open the delays queue</a>: the orders with an open delay, by severity, promised date and waiting time.
        </p>
      );
    case 'getCampaignResults':
      return (
        <p>
          Conversions by campaign, product and tier come from <code>getCampaignResults</code>; <a href={href('policies', 'campaigns')}>the campaigns</a> show their settings and the coming nudges.
        </p>
      );
    default:
      // e.g. listNotifications, which lists one customer's or one case's messages: open a customer for them.
      return (
        <p>
          The API lists these records with <code>{drillDown.operationId}</code> ({describeQuery(drillDown.query)}); the console shows them per customer or case, not as one list.
        </p>
      );
  }
}

const describeQuery = (query: Record<string, string>) =>
  Object.entries(query)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');

function QueryNote({ query }: { query: Record<string, string> }) {
  const filters = Object.entries(query).filter(([key]) => key !== 'shopId');
  return <p class="kpi-detail">{filters.length ? `Filtered by ${filters.map(([key, value]) => `${key} ${humanize(value)}`).join(', ')}; newest first.` : 'All of the shop’s records, newest first.'} Lists are not limited to the period.</p>;
}

function ReturnRecords({ query }: { query: Record<string, string> }) {
  const { api, shopId } = useConsole();
  const page = useCursorPages(async (cursor) => {
    const { data, error, response } = await api.GET('/ops/returns', { params: { query: { ...(query as Partial<QueryOf<'listReturns'>>), shopId, limit: PAGE, cursor } } });
    if (!data) throw new Error(problemText(error, response.status));
    return data;
  }, JSON.stringify(query));
  return (
    <>
      <QueryNote query={query} />
      <ListStatus page={page} empty="No return cases." />
      {page.items.length > 0 && (
        <ul class="records">
          {page.items.map((item) => (
            <li key={item.id}>
              <a href={href('returns', item.id)}>{item.orderNumber}</a> · {humanize(item.status)} · {formatTime(item.createdAt)}
              {item.slaBreached && <strong class="badge">breached</strong>}
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} label="Return cases" />
    </>
  );
}

function SurveyRecords({ query }: { query: Record<string, string> }) {
  const { api, shopId } = useConsole();
  const page = useCursorPages(async (cursor) => {
    const { data, error, response } = await api.GET('/ops/surveys', { params: { query: { ...(query as Partial<QueryOf<'listSurveyResponses'>>), shopId, limit: PAGE, cursor } } });
    if (!data) throw new Error(problemText(error, response.status));
    return data;
  }, JSON.stringify(query));
  return (
    <>
      <QueryNote query={query} />
      <ListStatus page={page} empty="No survey answers." />
      {page.items.length > 0 && (
        <ul class="records">
          {page.items.map((item) => (
            <li key={item.surveyId}>
              <strong>{item.score}/5</strong> · {humanize(item.flow)} · {formatTime(item.answeredAt)} · {item.returnId ? <a href={href('returns', item.returnId)}>{item.orderNumber ?? item.returnId}</a> : (item.orderNumber ?? item.customer.email ?? item.customer.id)}
              {item.comment && <q>{item.comment}</q>}
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} label="Survey answers" />
    </>
  );
}

function RefundReviewRecords({ query }: { query: Record<string, string> }) {
  const { api, shopId } = useConsole();
  const page = useCursorPages(async (cursor) => {
    const { data, error, response } = await api.GET('/ops/refunds/reviews', { params: { query: { ...(query as Partial<QueryOf<'listRefundReviews'>>), shopId, limit: PAGE, cursor } } });
    if (!data) throw new Error(problemText(error, response.status));
    return data;
  }, JSON.stringify(query));
  return (
    <>
      <p class="kpi-detail">The refund decisions waiting for a person now; issued refunds are on each order’s ledger.</p>
      <ListStatus page={page} empty="No refund decisions waiting for review." />
      {page.items.length > 0 && (
        <ul class="records">
          {page.items.map((item) => (
            <li key={item.decisionId}>
              <a href={href('refunds', item.decisionId)}>{item.decisionId}</a> · order {item.orderNumber ?? item.orderId} · {humanize(item.status)}
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} label="Refund decisions" />
    </>
  );
}
