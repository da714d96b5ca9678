// The survey vocabulary shared by the domain and the API schemas (kept apart from the token and
// invite code so the route definitions stay light).
import * as z from 'zod';

export const SurveyFlow = z.enum(['return', 'case', 'delay']).describe('What was resolved: a return, a support case or an order delay');
export type SurveyFlow = z.infer<typeof SurveyFlow>;

/** CSAT, 1 (very unhappy) to 5 (very happy). */
export const csatScores = [1, 2, 3, 4, 5] as const;
/** Scores at or below this reopen attention: a follow-up case and an alert to the duty team. */
export const lowScoreThreshold = 2;
