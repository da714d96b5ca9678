// The campaign routes validate a supervisor's draft with the CampaignSettings schema itself (400
// naming the field), and the settings are kept as a versioned document like the return policy.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { campaignSettingsDocument, campaignSettingsKey, campaignSettingsVersionKey } from '../../../shared/adapters/campaign-settings-store.ts';
import { publicationWrites, versionOfItem } from '../../../shared/adapters/versioned-settings-store.ts';
import { dryRunCampaignSettings, getCampaignResults, previewNudges, updateCampaignSettings } from '../../../shared/api/routes.ts';
import { ApiProblem, parseRequest } from '../../../shared/api/validate.ts';
import { newAuditRecord } from '../../../shared/audit/audit.ts';
import { defaultCampaignSettings } from '../../../shared/nudges/settings.ts';
import { publishedVersion } from '../../../shared/shops/versioned-settings.ts';

const event = (query: Record<string, string>, body?: unknown): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'PUT /ops/campaigns/settings',
    rawPath: '/ops/campaigns/settings',
    rawQueryString: new URLSearchParams(query).toString(),
    queryStringParameters: query,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    isBase64Encoded: false,
    requestContext: { requestId: 'req-1' },
  }) as unknown as APIGatewayProxyEventV2;

function fieldsRefused(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 400) return (error.errors ?? []).map((e) => e.path);
    throw error;
  }
  throw new Error('expected a 400');
}

describe('updateCampaignSettings', () => {
  it('take partial settings with defaults applied, the version read and a reason', () => {
    const { body } = parseRequest(updateCampaignSettings, event({ shopId: 'acme' }, { settings: { version: 1, winback: { afterDaysWithoutOrder: 180 } }, expectedVersion: 0, reason: 'Longer lapse' }));
    expect(body.settings.winback).toEqual({ ...defaultCampaignSettings.winback, afterDaysWithoutOrder: 180 });
    expect(body.settings.vip).toEqual(defaultCampaignSettings.vip);
  });
  it('name each invalid field', () => {
    const tiers = [{ id: 'gold', name: 'Gold', minPoints: 1000 }, { id: 'silver', name: 'Silver', minPoints: 10 }];
    expect(fieldsRefused(() => parseRequest(updateCampaignSettings, event({ shopId: 'acme' }, { settings: { version: 1, vip: { tiers } }, expectedVersion: 0, reason: 'Tiers' })))).toEqual(['body.settings.vip.tiers[1].minPoints']);
    expect(fieldsRefused(() => parseRequest(updateCampaignSettings, event({ shopId: 'acme' }, { settings: defaultCampaignSettings, expectedVersion: -1 })))).toEqual(['body.expectedVersion', 'body.reason']);
  });
});

describe('dryRunCampaignSettings', () => {
  it('take a draft with defaults applied and a period of 7 days unless told, naming each invalid field', () => {
    const { body } = parseRequest(dryRunCampaignSettings, event({ shopId: 'acme' }, { settings: { version: 1, winback: { afterDaysWithoutOrder: 60 } } }));
    expect(body).toMatchObject({ days: 7, settings: { winback: { ...defaultCampaignSettings.winback, afterDaysWithoutOrder: 60 }, vip: defaultCampaignSettings.vip } });
    expect(fieldsRefused(() => parseRequest(dryRunCampaignSettings, event({ shopId: 'acme' }, { settings: { version: 1, attribution: { windowDays: 0 } }, days: 32 })))).toEqual(['body.settings.attribution.windowDays', 'body.days']);
  });
});

describe('previewNudges and getCampaignResults', () => {
  it('preview 7 days unless told, at most 31', () => {
    expect(parseRequest(previewNudges, event({ shopId: 'acme' })).query.days).toBe(7);
    expect(parseRequest(previewNudges, event({ shopId: 'acme', days: '31', from: '2024-06-01T00:00:00Z' })).query).toMatchObject({ days: 31, from: '2024-06-01T00:00:00Z' });
    expect(fieldsRefused(() => parseRequest(previewNudges, event({ shopId: 'acme', days: '32' })))).toEqual(['query.days']);
  });
  it('take an optional period for results', () => {
    expect(parseRequest(getCampaignResults, event({ shopId: 'acme' })).query).toEqual({ shopId: 'acme' });
    expect(fieldsRefused(() => parseRequest(getCampaignResults, event({ shopId: 'acme', from: 'yesterday' })))).toEqual(['query.from']);
  });
});

describe('campaign settings document', () => {
  it('read the defaults as version 0 without an item, and a stored partial document with defaults applied', () => {
    expect(versionOfItem(campaignSettingsDocument, undefined)).toEqual({ version: 0, settings: defaultCampaignSettings });
    const stored = versionOfItem(campaignSettingsDocument, { ...campaignSettingsKey('acme'), version: 2, settings: { version: 2, attribution: { windowDays: 3 } }, reason: 'Shorter' });
    expect(stored).toMatchObject({ version: 2, reason: 'Shorter', settings: { attribution: { windowDays: 3 }, winback: { afterDaysWithoutOrder: 120 } } });
  });
  it('publish CURRENT conditionally and keep the version item, under the shop’s campaigns partition', () => {
    const supervisor = { sub: 'sup-1', role: 'supervisor' as const };
    const at = new Date('2024-06-01T00:00:00Z');
    const next = publishedVersion('settings', { version: 0, settings: defaultCampaignSettings }, defaultCampaignSettings, { at, by: supervisor, reason: 'First' });
    const audit = newAuditRecord({ shopId: 'acme', action: 'campaignSettings.publish', actor: supervisor, subjects: [{ type: 'policy', id: 'campaigns' }], requestId: 'req-1' }, { auditId: 'aud-1', now: at });
    const writes = publicationWrites('state', campaignSettingsDocument, 'acme', 0, next, audit);
    expect(writes[0]?.Put).toMatchObject({ Item: { ...campaignSettingsKey('acme'), version: 1 }, ConditionExpression: 'attribute_not_exists(#version)' });
    expect(writes[1]?.Put?.Item).toMatchObject(campaignSettingsVersionKey('acme', 1));
    expect(campaignSettingsVersionKey('acme', 1)).toEqual({ pk: 'CAMPAIGNS#acme#nudges', sk: 'V#000001' });
  });
});
