// Policies and rules: one nav entry, a tab per document (the return policy, refund rules,
// campaigns, delay settings).
import { href } from '../app.tsx';
import { CampaignsScreen } from './campaigns.tsx';
import { DelaySettingsScreen } from './delay-settings.tsx';
import { RefundRulesScreen } from './refund-rules.tsx';
import { ReturnPolicyScreen } from './return-policy.tsx';

const DOCUMENTS = [
  { id: 'returns', label: 'Return policy' },
  { id: 'refunds', label: 'Refund rules' },
  { id: 'campaigns', label: 'Campaigns' },
  { id: 'delays', label: 'Delay settings' },
] as const;

const SCREENS = { returns: ReturnPolicyScreen, refunds: RefundRulesScreen, campaigns: CampaignsScreen, delays: DelaySettingsScreen };

export function PoliciesScreen({ shopId, document = 'returns' }: { shopId: string; document?: string }) {
  const current = DOCUMENTS.find((item) => item.id === document) ?? DOCUMENTS[0];
  const Screen = SCREENS[current.id];
  return (
    <>
      <nav class="tabs" aria-label="Policies and rules">
        {DOCUMENTS.map((item) => (
          <a key={item.id} href={href('policies', item.id)} aria-current={item.id === current.id ? 'page' : undefined}>
            {item.label}
          </a>
        ))}
      </nav>
      <Screen key={`${shopId}/${current.id}`} />
    </>
  );
}
