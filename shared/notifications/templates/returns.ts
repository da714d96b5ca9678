// Templates of the returns, exchanges and refunds flows. They live in returns-*.ts by stage:
// the request (received, approved, rejected), sending the items back (label, reminder, expiry),
// the warehouse (parcel received, inspection) and the resolution (exchange shipped, refund, store
// credit); shared schemas and wording in returns-common.ts.
import type { MessageTemplate } from './define.ts';
import { creditTemplates } from './returns-credit.ts';
import { requestTemplates } from './returns-request.ts';
import { resolutionTemplates } from './returns-resolution.ts';
import { shippingTemplates } from './returns-shipping.ts';
import { warehouseTemplates } from './returns-warehouse.ts';

export const returnTemplates: MessageTemplate[] = [...requestTemplates, ...shippingTemplates, ...warehouseTemplates, ...resolutionTemplates, ...creditTemplates];
