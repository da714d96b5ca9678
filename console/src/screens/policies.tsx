// Policies and rules: one nav entry, a tab per document (the return policy, refund rules,
// campaigns). Delay settings have no ops API yet, so they are not offered here.
import { href } from '../app.tsx';
import { CampaignsScreen } from './campaigns.tsx';
import { RefundRulesScreen } from './refund-rules.tsx';
import { ReturnPolicyScreen } from './return-policy.tsx';

const DOCUMENTS = [
  { id: 'returns', label: 'Return policy' },
  { id: 'refunds', label: 'Refund rules' },
  { id: 'campaigns', label: 'Campaigns' },
] as const;

export function PoliciesScreen({ shopId, document = 'returns' }: { shopId: string; document?: string }) {
  const current = DOCUMENTS.find((item) => item.id === document) ?? DOCUMENTS[0];
  return (
    <>
      <nav class="tabs" aria-label="Policies and rules">
        {DOCUMENTS.map((item) => (
          <a key={item.id} href={href('policies', item.id)} aria-current={item.id === current.id ? 'page' : undefined}>
            {item.label}
          </a>
        ))}
      </nav>
      {current.id === 'returns' ? <ReturnPolicyScreen key={shopId} /> : current.id === 'refunds' ? <RefundRulesScreen key={shopId} /> : <CampaignsScreen key={shopId} />}
    </>
  );
}
