// What the ops work queues share: the sort they accept and the customer tier each row carries.
import * as z from 'zod';

export const CustomerTierView = z
  .object({
    id: z.string().describe('The tier id of the shop’s VIP settings'),
    name: z.string().describe('Its display name'),
    points: z.int().nonnegative().describe('The customer’s points'),
  })
  .meta({ id: 'CustomerTier', description: 'A customer’s VIP tier' });

export const QueueSort = z
  .enum(['newest', 'sla', 'tier'])
  .describe(
    '`newest` (default): newest first. `sla`: the earliest SLA deadline first. `tier`: the highest customer tier first (then the earliest SLA); tiers are read per page, so this orders each page read oldest first',
  );
export type QueueSort = z.infer<typeof QueueSort>;
