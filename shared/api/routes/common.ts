// Query parameters shared by the ops routes.
import { ShopId } from '../../events/common.ts';
import { queryInt } from '../define.ts';

export const shopQuery = ShopId.describe('The shop (tenant) to read');
export const limit = queryInt(1, 100, 25).describe('Page size (1 to 100, default 25)');
