// The fake storefront's state, in memory, per store: a catalogue of variants with stock, and the
// reservations, exchange orders, charges and restocks made against it, each idempotent on its key as the
// contract of shared/storefronts/exchange-port.ts requires.
import type { Money } from '../../../shared/events/common.ts';
import type { ChargeRequest, ExchangeOrderRequest, ExchangeVariant, ReservationRequest, RestockRequest } from '../../../shared/storefronts/exchange-port.ts';

export interface CatalogueVariant extends Omit<ExchangeVariant, 'available'> {
  /** Units on the shelf; reservations and orders take from it. */
  stock: number;
}

export interface StoredReservation extends ReservationRequest {
  reservationId: string;
  status: 'reserved' | 'released' | 'ordered';
  createdAt: string;
}

export interface StoredOrder extends ExchangeOrderRequest {
  orderId: string;
  orderNumber: string;
  createdAt: string;
}

export interface StoredAdjustment extends RestockRequest {
  adjustmentId: string;
  createdAt: string;
}

export interface StoredCharge extends ChargeRequest {
  chargeId: string;
  createdAt: string;
}

const usd = (amount: number): Money => ({ amount, currency: 'USD' });

/**
 * Every store starts with these: the two lines of the integration tests' Shopify orders (the 2P
 * tent at 249.00 and stakes at 12.50 a pack, test/support/shopify-payloads.ts) and replacements
 * dearer, equal and cheaper than each, one out of stock, one priced in another currency.
 */
export const demoCatalogue: readonly CatalogueVariant[] = [
  { variantId: '808950810', productId: '632910392', title: 'Trail tent 2P - Green', sku: 'TENT-2P', price: usd(24900), stock: 100 },
  { variantId: '808950820', productId: '632910392', title: 'Trail tent 2P - Sand', sku: 'TENT-2P-SAND', price: usd(24900), stock: 100 },
  { variantId: '808950830', productId: '632910394', title: 'Trail tent 3P - Green', sku: 'TENT-3P', price: usd(29900), stock: 100 },
  { variantId: '808950840', productId: '632910395', title: 'Trail tent 1P - Green', sku: 'TENT-1P', price: usd(19900), stock: 100 },
  { variantId: '808950850', productId: '632910392', title: 'Trail tent 2P - Orange', sku: 'TENT-2P-ORANGE', price: usd(24900), stock: 0 },
  { variantId: '808950860', productId: '632910392', title: 'Trail tent 2P - Green (EU stock)', sku: 'TENT-2P-EU', price: { amount: 22900, currency: 'EUR' }, stock: 100 },
  { variantId: '808950811', productId: '632910393', title: 'Tent stakes - Pack of 8', sku: 'STAKE-8', price: usd(1250), stock: 500 },
  { variantId: '808950812', productId: '632910393', title: 'Tent stakes - Pack of 12', sku: 'STAKE-12', price: usd(1750), stock: 500 },
  { variantId: '808950813', productId: '632910393', title: 'Tent stakes - Pack of 4', sku: 'STAKE-4', price: usd(700), stock: 500 },
];

export class OutOfStockError extends Error {
  constructor(readonly available: number) {
    super(`Only ${available} available`);
  }
}

export class UnknownVariantError extends Error {}

class Store {
  readonly variants = new Map(demoCatalogue.map((variant) => [variant.variantId, { ...variant, price: { ...variant.price } }]));
  readonly reservations = new Map<string, StoredReservation>();
  readonly orders = new Map<string, StoredOrder>();
  readonly charges = new Map<string, StoredCharge>();
  readonly adjustments = new Map<string, StoredAdjustment>();
}

export class StorefrontState {
  private readonly stores = new Map<string, Store>();
  private sequence = 0;

  constructor(private readonly now: () => Date) {}

  private store(name: string): Store {
    let store = this.stores.get(name);
    if (!store) this.stores.set(name, (store = new Store()));
    return store;
  }

  private next(prefix: string): string {
    this.sequence += 1;
    return `${prefix}${String(this.sequence).padStart(5, '0')}`;
  }

  /** Units on the shelf less those reserved. */
  available(store: string, variantId: string): number {
    const { variants, reservations } = this.store(store);
    const reserved = [...reservations.values()].filter((r) => r.variantId === variantId && r.status === 'reserved').reduce((sum, r) => sum + r.quantity, 0);
    return Math.max(0, (variants.get(variantId)?.stock ?? 0) - reserved);
  }

  variant(store: string, variantId: string): ExchangeVariant | undefined {
    const found = this.store(store).variants.get(variantId);
    if (!found) return undefined;
    const { stock: _stock, ...variant } = found;
    return { ...variant, available: this.available(store, variantId) };
  }

  upsertVariant(store: string, variant: CatalogueVariant): CatalogueVariant {
    this.store(store).variants.set(variant.variantId, variant);
    return variant;
  }

  reserve(store: string, request: ReservationRequest): StoredReservation {
    const { reservations, variants } = this.store(store);
    const existing = reservations.get(request.key);
    if (existing) return existing;
    if (!variants.has(request.variantId)) throw new UnknownVariantError(`No variant ${request.variantId}`);
    const available = this.available(store, request.variantId);
    if (available < request.quantity) throw new OutOfStockError(available);
    const reservation: StoredReservation = { ...request, reservationId: this.next('rsv_'), status: 'reserved', createdAt: this.now().toISOString() };
    reservations.set(request.key, reservation);
    return reservation;
  }

  /** False when there is no reservation with this key. */
  release(store: string, key: string): boolean {
    const reservation = this.store(store).reservations.get(key);
    if (!reservation) return false;
    if (reservation.status === 'reserved') reservation.status = 'released';
    return true;
  }

  /** Takes the ordered units from the shelf: a line naming its reservation consumes it. */
  createOrder(store: string, request: ExchangeOrderRequest): { order: StoredOrder; created: boolean } {
    const { orders, variants, reservations } = this.store(store);
    const existing = orders.get(request.key);
    if (existing) return { order: existing, created: false };
    const unknown = request.lines.find((line) => !variants.has(line.variantId));
    if (unknown) throw new UnknownVariantError(`No variant ${unknown.variantId}`);
    for (const line of request.lines) {
      const reservation = line.reservationKey ? reservations.get(line.reservationKey) : undefined;
      if (reservation?.status === 'reserved' && reservation.variantId === line.variantId) reservation.status = 'ordered';
      const variant = variants.get(line.variantId)!;
      variant.stock = Math.max(0, variant.stock - line.quantity);
    }
    const orderId = this.next('EX');
    const order: StoredOrder = { ...request, orderId, orderNumber: `${request.orderNumberOfOriginal}-${orderId}`.slice(0, 50), createdAt: this.now().toISOString() };
    orders.set(request.key, order);
    return { order, created: true };
  }

  charge(store: string, request: ChargeRequest): { charge: StoredCharge; created: boolean } {
    const { charges } = this.store(store);
    const existing = charges.get(request.key);
    if (existing) return { charge: existing, created: false };
    const charge: StoredCharge = { ...request, chargeId: this.next('ch_'), createdAt: this.now().toISOString() };
    charges.set(request.key, charge);
    return { charge, created: true };
  }

  /** Puts returned units back on the shelf, once per key. */
  restock(store: string, request: RestockRequest): { adjustment: StoredAdjustment; created: boolean } {
    const { adjustments, variants } = this.store(store);
    const existing = adjustments.get(request.key);
    if (existing) return { adjustment: existing, created: false };
    const variant = variants.get(request.variantId);
    if (!variant) throw new UnknownVariantError(`No variant ${request.variantId}`);
    variant.stock += request.quantity;
    const adjustment: StoredAdjustment = { ...request, adjustmentId: this.next('adj_'), createdAt: this.now().toISOString() };
    adjustments.set(request.key, adjustment);
    return { adjustment, created: true };
  }

  /** Everything the store holds, for tests and for a look by hand. */
  snapshot(store: string) {
    const { variants, reservations, orders, charges, adjustments } = this.store(store);
    return {
      variants: [...variants.values()].map((variant) => ({ ...variant, available: this.available(store, variant.variantId) })),
      reservations: [...reservations.values()],
      orders: [...orders.values()],
      charges: [...charges.values()],
      adjustments: [...adjustments.values()],
    };
  }
}
