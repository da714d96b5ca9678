// Return shipment tracking, pure: how tracking numbers are matched, how far along a parcel is, and
// which lifecycle command (if any) a carrier's tracking update means for a case. Carriers resend
// updates and deliver them out of order, so an update the case is already past changes nothing.
import * as z from 'zod';
import type { ReturnCase } from './case.ts';
import type { ReturnCommand } from './lifecycle.ts';

/** What a carrier or label provider says happened to the parcel. */
export const CarrierStatus = z.enum(['label_scanned', 'in_transit', 'out_for_delivery', 'delivered', 'exception', 'returned_to_sender']);
export type CarrierStatus = z.infer<typeof CarrierStatus>;

/**
 * The order of a parcel's normal progress. `exception` is a detour, not a step: the parcel may
 * move on afterwards. `returned_to_sender` ends the carrier's part (back to the customer).
 */
const progress: Partial<Record<CarrierStatus, number>> = { label_scanned: 1, in_transit: 2, out_for_delivery: 3, delivered: 4 };

/** The same tracking number however it was typed: case and spaces do not matter. */
export function normalizeTrackingNumber(trackingNumber: string): string {
  return trackingNumber.replace(/\s+/g, '').toUpperCase();
}

/** Whether two tracking numbers name the same parcel. */
export const sameTrackingNumber = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && normalizeTrackingNumber(a) === normalizeTrackingNumber(b);

/** What a carrier tells of a parcel, as lifecycle commands carry it. */
export type CarrierNews = { carrierCode?: string; status?: CarrierStatus; occurredAt?: string; description?: string };

/** The carrier's words on the case history: `out_for_delivery: On vehicle for delivery`. */
export const carrierNote = (news: CarrierNews) => (news.status ? `${news.status}${news.description ? `: ${news.description}` : ''}`.slice(0, 1000) : undefined);

export interface CarrierUpdate {
  trackingNumber: string;
  carrierCode?: string;
  status: CarrierStatus;
  occurredAt: string;
  description?: string;
}

type Tracking = NonNullable<ReturnCase['tracking']>;

/**
 * Whether `update` tells something new about a parcel last seen at `tracking`: not when it
 * repeats the last status, is older than it, or is a step the parcel is already past.
 */
export function isCarrierNews(tracking: Tracking | undefined, update: Pick<CarrierUpdate, 'status' | 'occurredAt'>): boolean {
  const last = tracking?.status;
  if (!last) return true;
  if (last === update.status) return false;
  if (last === 'returned_to_sender') return false;
  if (tracking.statusAt && Date.parse(update.occurredAt) < Date.parse(tracking.statusAt)) return false;
  const [before, after] = [progress[last], progress[update.status]];
  return before === undefined || after === undefined || after > before;
}

export type CarrierDecision = { kind: 'apply'; command: ReturnCommand } | { kind: 'ignore'; reason: string };

/**
 * What a carrier update means for the case it was matched to: the first scan ships it (reminders
 * and expiry stop); later news of a parcel in transit goes on the case history. `delivered` means
 * it reached the warehouse: receipt is still recorded there, by an agent.
 */
export function carrierDecision(c: ReturnCase, update: CarrierUpdate): CarrierDecision {
  if (!sameTrackingNumber(c.tracking?.trackingNumber, update.trackingNumber)) return { kind: 'ignore', reason: 'the case now has another tracking number' };
  const details = { status: update.status, occurredAt: update.occurredAt, ...(update.carrierCode ? { carrierCode: update.carrierCode } : {}), ...(update.description ? { description: update.description } : {}) };
  if (c.status === 'approved' || c.status === 'awaiting_shipment') {
    return { kind: 'apply', command: { type: 'shipped', source: update.status === 'label_scanned' ? 'label_scan' : 'carrier', ...details } };
  }
  if (c.status !== 'in_transit') return { kind: 'ignore', reason: `the return is ${c.status}` };
  if (!isCarrierNews(c.tracking, update)) return { kind: 'ignore', reason: `the parcel is already past ${update.status}` };
  return { kind: 'apply', command: { type: 'carrierUpdate', ...details } };
}
