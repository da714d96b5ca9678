// The refund decision engine: given a claim, the order, the money already gone back, the
// customer's history and the shop's rules, what the customer gets, the choice they may be offered,
// and why. Pure: no I/O, no clock (the caller passes `now`), the same input always decides the same.
//
// Order of evaluation (every rule leaves an outcome in `reasons`, fired or not):
// 1. lines (lines.ts): units still refundable, inspection, condition deductions, restocking fee, shipping;
// 2. deny when every returned line failed inspection: the only automatic denial;
// 3. resolutions (resolutions.ts): refund, store credit, keep-it, reship, capped at what remains;
// 4. ranking: the customer's own request first when possible, then the rules' ranking;
// 5. risk signals and approval limits: either sends the decision to manual review, with the
//    resolution it would have taken as `proposedKind`;
// 6. timing: when the money moves.
import { orderAccount } from './allocation.ts';
import type { RefundInput } from './claim.ts';
import { Decision, RuleCode, type DecisionLine, type ResolutionKind, type ResolutionOption, type RuleOutcome } from './decision.ts';
import { approval, riskSignals, timing } from './engine-rules.ts';
import { evaluateLines, type EvaluatedLine } from './lines.ts';
import { money, sumOf } from './money.ts';
import { candidates, choiceOf, type Candidate } from './resolutions.ts';
import type { OfferChoice } from './rules.ts';

export function decideRefund(input: RefundInput): Decision {
  const { order, claim, rules } = input;
  const account = orderAccount(order, input.ledger, input.earlier);
  const currency = account.currency;
  const reasons: RuleOutcome[] = [];
  const lines = evaluateLines(input, account, reasons);
  const claimed = money(sumOf(lines.map((line) => line.units.value + line.shipping)), currency);
  const base = {
    decisionId: input.decisionId,
    orderId: order.orderId,
    claim: {
      kind: claim.kind,
      ...(claim.kind === 'return_inspection' ? { returnId: claim.returnId } : claim.caseId ? { caseId: claim.caseId } : {}),
    },
    claimed,
    remainingBefore: money(account.remaining, currency),
    rulesVersion: rules.version,
  };

  const denied = reasons.some((reason) => reason.rule === 'all_lines_failed' && reason.fired);
  const found = denied ? [] : candidates(input, account, lines, reasons);
  const ranked = rank(found, rules.options.ranking);
  const requested = requestedChoice(input);
  const chosen = (requested && ranked.find((candidate) => choiceOf(candidate.kind) === requested)) || ranked[0];
  reasons.push({
    rule: 'customer_choice',
    fired: chosen !== undefined && requested !== undefined && choiceOf(chosen.kind) === requested,
    inputs: { requested: requested ?? null, available: ranked.map((candidate) => candidate.kind) },
    detail: !requested ? 'The customer did not ask for one resolution' : chosen && choiceOf(chosen.kind) === requested ? `The customer asked for ${requested}` : `The customer asked for ${requested}, which is not possible here`,
  });
  const offerChoice = rules.options.offerChoice && ranked.length >= 2;
  // The recommendation comes first, the others in the rules' order.
  const ordered = chosen ? [chosen, ...ranked.filter((candidate) => candidate !== chosen)] : ranked;
  const options: ResolutionOption[] = offerChoice ? ordered.map((candidate, index) => ({ ...candidate, rank: index + 1, recommended: candidate === chosen })) : [];

  const risky = riskSignals(input, reasons);
  // The most an automatic decision could take: any option the customer may pick counts.
  const atStake = Math.max(0, ...(offerChoice ? ranked : chosen ? [chosen] : []).map(stake));
  const { automatic, needsSupervisor } = approval(rules, currency, atStake, reasons);
  const review = !denied && (chosen === undefined || risky || !automatic);
  const refundAt = timing(input, !review && !denied, reasons);

  const common = { ...base, options, needsSupervisor: !denied && needsSupervisor, reasons: complete(reasons, denied), timing: { refundAt } };
  // Parsed: the schema's key order, and a check that the engine answers what it promises.
  if (denied) {
    return Decision.parse({ ...common, kind: 'deny', lines: lines.map((line) => deniedLine(line, currency)), deductions: [{ code: 'inspection_failed', amount: claimed }], requiresItemBack: false });
  }
  if (!chosen) return Decision.parse({ ...common, kind: 'manual_review', lines: [], deductions: [], requiresItemBack: false });
  return Decision.parse({ ...common, ...settlement(chosen), kind: review ? 'manual_review' : chosen.kind, ...(review ? { proposedKind: chosen.kind } : {}) });
}

/**
 * The decision once the customer picked one of its options: the same reasons, `customer_choice`
 * recording the pick. A decision under review keeps its kind; the proposal follows the pick.
 */
export function selectOption(decision: Decision, kind: ResolutionKind): Decision {
  const option = decision.options.find((candidate) => candidate.kind === kind);
  if (!option) throw new RangeError(`decision ${decision.decisionId} offers no ${kind}`);
  const reasons = decision.reasons.map((reason) =>
    reason.rule === 'customer_choice' ? { ...reason, fired: true, inputs: { ...reason.inputs, chosen: kind }, detail: `The customer chose ${kind} from the options` } : reason,
  );
  const { amount: _amount, bonus: _bonus, fromPaid: _fromPaid, reship: _reship, ...rest } = decision;
  const review = decision.kind === 'manual_review';
  return Decision.parse({ ...rest, ...settlement(option), reasons, kind: review ? 'manual_review' : kind, ...(review ? { proposedKind: kind } : {}) });
}

/** Every rule, in evaluation order: those a denial skipped are listed as not evaluated. */
function complete(reasons: readonly RuleOutcome[], denied: boolean): RuleOutcome[] {
  return RuleCode.options.map((rule) => {
    const reason = reasons.find((outcome) => outcome.rule === rule) ?? { rule, fired: false, inputs: {}, detail: denied ? 'Not evaluated: the claim is denied' : 'Not evaluated' };
    return reason.detail.length > 500 ? { ...reason, detail: `${reason.detail.slice(0, 499)}…` } : reason;
  });
}

/** The parts of a decision that come from the resolution taken. */
function settlement(candidate: Candidate): Pick<Decision, 'amount' | 'bonus' | 'fromPaid' | 'lines' | 'deductions' | 'requiresItemBack' | 'reship'> {
  return {
    ...(candidate.amount ? { amount: candidate.amount } : {}),
    ...(candidate.bonus ? { bonus: candidate.bonus } : {}),
    ...(candidate.fromPaid ? { fromPaid: candidate.fromPaid } : {}),
    lines: candidate.lines,
    deductions: candidate.deductions,
    requiresItemBack: candidate.requiresItemBack,
    ...(candidate.kind === 'reship'
      ? { reship: { lines: candidate.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity })), ...(candidate.gift ? { gift: candidate.gift } : {}) } }
      : {}),
  };
}

/** Money a resolution takes from the payment; for a reship, the goods sent again. */
function stake(candidate: Candidate): number {
  return candidate.fromPaid?.amount ?? sumOf(candidate.lines.map((line) => line.value.amount));
}

function rank(found: readonly Candidate[], ranking: readonly OfferChoice[]): Candidate[] {
  return [...found].sort((a, b) => ranking.indexOf(choiceOf(a.kind)) - ranking.indexOf(choiceOf(b.kind)));
}

/** What the customer asked for on a return: one resolution for all lines, else none. */
function requestedChoice(input: RefundInput): OfferChoice | undefined {
  if (input.claim.kind !== 'return_inspection') return undefined;
  const asked = new Set(input.claim.lines.map((line) => (line.requested === 'keep' ? 'keep_it' : line.requested)));
  return asked.size === 1 ? ([...asked][0] as OfferChoice) : undefined;
}

/** A line of a denied claim: worth nothing back, the whole value taken off for failing inspection. */
function deniedLine(line: EvaluatedLine, currency: string): DecisionLine {
  return {
    lineId: line.lineId,
    quantity: line.units.quantity,
    ...(line.reason ? { reason: line.reason } : {}),
    ...(line.condition ? { condition: line.condition } : {}),
    accepted: false,
    value: money(line.units.value, currency),
    tax: money(line.units.tax, currency),
    shipping: money(0, currency),
    deductions: [{ code: 'inspection_failed', amount: money(line.units.value, currency) }],
    amount: money(0, currency),
  };
}
