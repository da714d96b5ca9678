import { describe, expect, it } from 'vitest';
import { resolveIntrinsics, UnresolvableError, type ResolveContext } from '../../../infra/local/template/intrinsics.ts';

const ctx: ResolveContext = {
  region: 'us-east-1',
  accountId: '000000000000',
  stackName: 'Aftersales',
  ref: (id) => `ref:${id}`,
  getAtt: (id, attribute) => `att:${id}.${attribute}`,
};

describe('resolveIntrinsics', () => {
  it('resolves Ref, pseudo parameters and GetAtt in both forms', () => {
    expect(resolveIntrinsics({ Ref: 'Table' }, ctx)).toBe('ref:Table');
    expect(resolveIntrinsics({ Ref: 'AWS::Region' }, ctx)).toBe('us-east-1');
    expect(resolveIntrinsics({ 'Fn::GetAtt': ['Queue', 'Arn'] }, ctx)).toBe('att:Queue.Arn');
    expect(resolveIntrinsics({ 'Fn::GetAtt': 'Queue.Arn' }, ctx)).toBe('att:Queue.Arn');
  });

  it('resolves Join, Sub (with variables and escapes), Select and Split deeply', () => {
    const value = {
      list: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':x']] }],
      sub: { 'Fn::Sub': ['${Bus.Arn}/${Name}/${AWS::AccountId}/${!Literal}', { Name: { Ref: 'Thing' } }] },
      selected: { 'Fn::Select': [1, { 'Fn::Split': ['/', 'a/b/c'] }] },
    };
    expect(resolveIntrinsics(value, ctx)).toEqual({
      list: ['arn:aws:x'],
      sub: 'att:Bus.Arn/ref:Thing/000000000000/${Literal}',
      selected: 'b',
    });
  });

  it('refuses what it cannot resolve locally, by name', () => {
    expect(() => resolveIntrinsics({ 'Fn::ImportValue': 'Shared' }, ctx)).toThrow(UnresolvableError);
    expect(() => resolveIntrinsics({ 'Fn::ImportValue': 'Shared' }, ctx)).toThrow(/Fn::ImportValue/);
  });
});
