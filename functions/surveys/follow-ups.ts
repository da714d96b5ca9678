// The follow-up case routes of the ops console: list (sortable by SLA or customer tier), get and
// resolve. Resolving is conditional on the version read; CaseResolved goes out with the change.
import { ConcurrentChangeError } from '#shared/adapters/ingest-store.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { FollowUpCaseStore } from '#shared/adapters/follow-up-case-store.ts';
import { TierLookup, type TierView } from '#shared/adapters/tier-lookup.ts';
import type { Route } from '#shared/api/define.ts';
import { getFollowUpCase, listFollowUpCases, resolveFollowUpCase } from '#shared/api/routes/surveys.ts';
import { checkShop, notFound, type Operation } from '#shared/api/router.ts';
import { ApiProblem, parseRequest } from '#shared/api/validate.ts';
import { logger } from '#shared/observability.ts';
import { byTierThenSla } from '#shared/ops/queue-sort.ts';
import { isSlaBreached, resolveFollowUpCase as planResolution, type FollowUpCase } from '#shared/surveys/follow-up-case.ts';

const client = dynamoDocumentClient();
const tableName = requiredEnv('STATE_TABLE_NAME');
const cases = new FollowUpCaseStore(client, tableName);
const tiers = new TierLookup(client, tableName);

function view(followUp: FollowUpCase, tier: TierView | null, now: Date) {
  const { resolvedBy, ...fields } = followUp;
  return { ...fields, tier, slaBreached: isSlaBreached(followUp, now), ...(resolvedBy ? { resolvedBy: resolvedBy.email ?? resolvedBy.sub } : {}) };
}

async function load(shopId: string, caseId: string): Promise<FollowUpCase> {
  const followUp = await cases.get(shopId, caseId);
  if (!followUp) throw notFound(`Follow-up case ${caseId} of shop ${shopId}`);
  return followUp;
}

export const followUpOperations: Array<[Route, Operation]> = [
  [listFollowUpCases, async (event, caller) => {
    const { query } = parseRequest(listFollowUpCases, event);
    checkShop(caller, query.shopId);
    // One SLA for every case: opening order is SLA order, so `sla` pages the index oldest first.
    const page = await cases.list(query.shopId, { status: query.status, customerId: query.customerId, oldestFirst: query.sort !== 'newest', limit: query.limit, cursor: query.cursor });
    const tierOf = await tiers.tiersOf(query.shopId, page.items.map((followUp) => followUp.customer.id));
    const points = new Map([...tierOf].map(([customerId, tier]) => [customerId, tier.points]));
    const ordered = query.sort === 'tier' ? byTierThenSla(page.items, (followUp) => ({ customerId: followUp.customer.id, slaDueAt: followUp.slaDueAt }), points) : page.items;
    const now = new Date();
    return { items: ordered.map((followUp) => view(followUp, tierOf.get(followUp.customer.id) ?? null, now)), nextCursor: page.nextCursor };
  }],
  [getFollowUpCase, async (event, caller) => {
    const { params, query } = parseRequest(getFollowUpCase, event);
    checkShop(caller, query.shopId);
    const followUp = await load(query.shopId, params.caseId);
    return view(followUp, await tiers.tierOf(query.shopId, followUp.customer.id), new Date());
  }],
  [resolveFollowUpCase, async (event, caller) => {
    const { params, query, body } = parseRequest(resolveFollowUpCase, event);
    checkShop(caller, query.shopId);
    const current = await load(query.shopId, params.caseId);
    const now = new Date();
    const plan = planResolution(current, { resolution: body.resolution, note: body.reason, expectedVersion: body.expectedVersion }, { sub: caller!.sub, ...(caller!.email ? { email: caller!.email } : {}) }, now);
    if (!plan.ok) throw new ApiProblem(plan.status, plan.detail);
    try {
      await cases.resolve(plan.next, plan.resolved, now);
    } catch (error) {
      if (error instanceof ConcurrentChangeError) throw new ApiProblem(409, `Case ${params.caseId} changed at the same moment: reload it`);
      throw error;
    }
    logger.info('Follow-up case resolved', { shopId: query.shopId, caseId: params.caseId, resolution: body.resolution });
    return view(plan.next, await tiers.tierOf(query.shopId, current.customer.id), now);
  }],
];
