import { describe, expect, it } from 'vitest';
import { RouteTable } from '../../../infra/local/api/gateway.ts';
import type { LocalRoute } from '../../../infra/local/template/model.ts';

const route = (routeKey: string, functionName: string): LocalRoute => {
  const [method, path] = routeKey === '$default' ? ['ANY', '$default'] : routeKey.split(' ');
  return { logicalId: functionName, routeKey, method: method!, path: path!, functionName, authorizationType: 'NONE' };
};

describe('RouteTable', () => {
  const table = new RouteTable([
    route('GET /cases/{caseId}', 'getCase'),
    route('GET /cases/open', 'openCases'),
    route('POST /cases/{caseId}', 'updateCase'),
    route('ANY /files/{proxy+}', 'files'),
  ]);

  it('prefers the most specific route and extracts path parameters', () => {
    expect(table.match('GET', '/cases/open')).toMatchObject({ route: { functionName: 'openCases' } });
    expect(table.match('GET', '/cases/c-1')).toEqual({ route: expect.objectContaining({ functionName: 'getCase' }), pathParameters: { caseId: 'c-1' } });
  });

  it('matches on method and decodes parameters', () => {
    expect(table.match('POST', '/cases/a%20b')?.pathParameters).toEqual({ caseId: 'a b' });
    expect(table.match('DELETE', '/cases/c-1')).toBeUndefined();
  });

  it('passes a parameter that is not valid percent-encoding on as sent', () => {
    expect(table.match('GET', '/cases/%E0%A4%A')?.pathParameters).toEqual({ caseId: '%E0%A4%A' });
    expect(table.match('GET', '/cases/%zz')?.pathParameters).toEqual({ caseId: '%zz' });
  });

  it('lets a greedy parameter span segments, for any method', () => {
    expect(table.match('PUT', '/files/a/b/c.txt')?.pathParameters).toEqual({ proxy: 'a/b/c.txt' });
  });

  it('falls back to $default when nothing else matches', () => {
    const withDefault = new RouteTable([route('GET /a', 'a'), route('$default', 'fallback')]);
    expect(withDefault.match('GET', '/a')?.route.functionName).toBe('a');
    expect(withDefault.match('POST', '/anything')?.route.functionName).toBe('fallback');
  });
});
