import { describe, it, expect } from 'vitest';
import { InvalidEventPatternError, matchesEventPattern, parseEventPattern } from '../../../infra/local/eventbridge/pattern.ts';

/** A full EventBridge envelope around `detail`, with top-level overrides. */
function event(detail: unknown, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'EC2 Instance State-change Notification',
    source: 'aws.ec2',
    account: '111122223333',
    time: '2017-12-22T18:43:48Z',
    region: 'us-west-1',
    resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
    detail,
    ...overrides,
  };
}

function matches(pattern: string | object, evt: Record<string, unknown>): boolean {
  return matchesEventPattern(parseEventPattern(pattern), evt);
}

/** Expects the pattern to be rejected, with a message naming `path` (and containing `text`, if given). */
function expectInvalid(pattern: string | object, path: string, text?: string | RegExp): void {
  let error: unknown;
  try {
    parseEventPattern(pattern);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(InvalidEventPatternError);
  const message = (error as Error).message;
  expect(message.startsWith(`Event pattern is not valid: ${path ? `${path}: ` : ''}`), message).toBe(true);
  if (text) expect(message).toMatch(text);
}

describe('parseEventPattern', () => {
  it('parses a JSON string and returns the pattern object', () => {
    expect(parseEventPattern('{"source":["aws.ec2"]}')).toEqual({ source: ['aws.ec2'] });
  });

  it('accepts an already parsed object and returns it unchanged', () => {
    const pattern = { source: ['aws.ec2'], detail: { state: ['terminated'] } };
    expect(parseEventPattern(pattern)).toBe(pattern);
  });

  it('rejects invalid JSON and patterns that are not objects', () => {
    expectInvalid('{"source": [', '');
    expectInvalid('this is not json', '');
    expectInvalid('["not", "an", "object"]', '', 'Filter is not an object');
    expectInvalid('null', '', 'Filter is not an object');
    expectInvalid('"aws.ec2"', '', 'Filter is not an object');
  });

  it('rejects leaves that are not arrays, naming the path', () => {
    expectInvalid({ source: 'aws.ec2' }, 'source', 'must be an object or an array');
    expectInvalid({ detail: { price: 5 } }, 'detail.price', 'must be an object or an array');
    expectInvalid({ detail: { state: null } }, 'detail.state');
    expectInvalid({ detail: { flag: true } }, 'detail.flag');
  });

  it('rejects empty arrays and empty objects', () => {
    expectInvalid({ resources: [] }, 'resources', 'Empty arrays are not allowed');
    expectInvalid({}, '', 'Empty objects are not allowed');
    expectInvalid({ detail: {} }, 'detail', 'Empty objects are not allowed');
  });

  it('rejects nested arrays as match values', () => {
    expectInvalid({ detail: { state: [['running']] } }, 'detail.state', 'Match value must be');
  });

  it('rejects unknown operators and operator objects without exactly one key', () => {
    expectInvalid({ detail: { state: [{ contains: 'run' }] } }, 'detail.state', 'Unrecognized match type contains');
    expectInvalid({ detail: { state: [{ PREFIX: 'run' }] } }, 'detail.state', 'Unrecognized match type PREFIX');
    expectInvalid({ detail: { state: [{ EXISTS: true }] } }, 'detail.state', 'Unrecognized match type EXISTS');
    expectInvalid({ detail: { state: [{}] } }, 'detail.state', 'Match expression name not found');
    expectInvalid({ detail: { state: [{ prefix: 'a', suffix: 'b' }] } }, 'detail.state', 'Only one key allowed');
  });

  it('makes InvalidEventPatternError a real Error', () => {
    const error = new InvalidEventPatternError('x');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InvalidEventPatternError');
  });

  it('compiles an unparsed pattern on first use, and rejects it there if invalid', () => {
    expect(matchesEventPattern({ source: ['aws.ec2'] }, event({}))).toBe(true);
    expect(() => matchesEventPattern({ source: 'aws.ec2' }, event({}))).toThrow(InvalidEventPatternError);
  });
});

describe('exact values', () => {
  const docsEvent = event({ 'instance-id': 'i-1234567890abcdef0', state: 'terminated' });

  it('matches the docs EC2 instance-termination example', () => {
    const pattern = { source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'], detail: { state: ['terminated'] } };
    expect(matches(pattern, docsEvent)).toBe(true);
    expect(matches(pattern, event({ state: 'running' }))).toBe(false);
  });

  it('matches any of the listed values (OR) and needs every field (AND)', () => {
    expect(matches({ source: ['aws.ec2', 'aws.fargate'] }, docsEvent)).toBe(true);
    expect(matches({ source: ['aws.ec2', 'aws.fargate'] }, event({}, { source: 'aws.fargate' }))).toBe(true);
    expect(matches({ source: ['aws.ec2'], region: ['eu-west-1'] }, docsEvent)).toBe(false);
  });

  it('is case sensitive and does no normalisation', () => {
    expect(matches({ source: ['AWS.EC2'] }, docsEvent)).toBe(false);
    expect(matches({ detail: { state: ['terminated '] } }, docsEvent)).toBe(false);
  });

  it('does not match when the field is missing from the event', () => {
    expect(matches({ detail: { reason: ['x'] } }, docsEvent)).toBe(false);
    expect(matches({ detail: { state: ['terminated'] } }, event(undefined))).toBe(false);
  });

  it('matches when any element of an event array is listed (docs resources example)', () => {
    const pattern = {
      resources: [
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
      ],
    };
    const resources = [
      'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
      'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
    ];
    expect(matches(pattern, event({}, { resources }))).toBe(true);
    expect(matches(pattern, event({}, { resources: [resources[0]] }))).toBe(false);
    expect(matches(pattern, event({}, { resources: [] }))).toBe(false);
  });

  it('matches numbers by value: 300, 300.0 and 3.0e2 are equal', () => {
    expect(matches({ detail: { n: [300] } }, event({ n: 300.0 }))).toBe(true);
    expect(matches('{"detail": {"n": [3.0e2]}}', event(JSON.parse('{"n": 300.0}')))).toBe(true);
    expect(matches({ detail: { n: [300] } }, event({ n: 300.5 }))).toBe(false);
    expect(matches({ detail: { 'risk-score': [80], trigger: { risk: [8] } } }, event({ 'risk-score': 80, trigger: { risk: 8 } }))).toBe(true);
  });

  it('does not mix types: numbers, strings and booleans are distinct', () => {
    expect(matches({ detail: { n: [5] } }, event({ n: '5' }))).toBe(false);
    expect(matches({ detail: { n: ['5'] } }, event({ n: 5 }))).toBe(false);
    expect(matches({ detail: { flag: [true] } }, event({ flag: true }))).toBe(true);
    expect(matches({ detail: { flag: [true] } }, event({ flag: 'true' }))).toBe(false);
    expect(matches({ detail: { flag: [false] } }, event({ flag: 0 }))).toBe(false);
  });

  it('matches null and the empty string, which are not interchangeable (docs example)', () => {
    const autoscaling = event({ eventVersion: '', responseElements: null });
    expect(matches({ detail: { eventVersion: [''] } }, autoscaling)).toBe(true);
    expect(matches({ detail: { responseElements: [null] } }, autoscaling)).toBe(true);
    expect(matches({ detail: { eventVersion: [null] } }, autoscaling)).toBe(false);
    expect(matches({ detail: { responseElements: [''] } }, autoscaling)).toBe(false);
  });

  it('does not let [null] match a missing field or an empty array', () => {
    expect(matches({ detail: { responseElements: [null] } }, event({}))).toBe(false);
    expect(matches({ resources: [null] }, event({}, { resources: [] }))).toBe(false);
    expect(matches({ resources: [null] }, event({}, { resources: ['a', null] }))).toBe(true);
  });

  it('compares IP literals as addresses', () => {
    expect(matches({ detail: { ip: ['2001:db8::1'] } }, event({ ip: '2001:0db8:0000:0000:0000:0000:0000:0001' }))).toBe(true);
    expect(matches({ detail: { ip: ['10.0.0.1'] } }, event({ ip: '10.0.0.1' }))).toBe(true);
    expect(matches({ detail: { ip: ['10.0.0.1'] } }, event({ ip: '10.0.0.2' }))).toBe(false);
  });
});

describe('nested objects and arrays of objects', () => {
  it('follows nested objects and ignores fields the pattern does not name', () => {
    const macie = event({ 'notification-type': 'ALERT_CREATED', 'risk-score': 80, trigger: { 'alert-type': 'basic', risk: 8 } });
    expect(matches({ detail: { 'risk-score': [80], trigger: { risk: [8] } } }, macie)).toBe(true);
    expect(matches({ detail: { trigger: { risk: [9] } } }, macie)).toBe(false);
  });

  it('does not match a nested pattern against a scalar, nor a leaf pattern against an object', () => {
    expect(matches({ detail: { trigger: { risk: [8] } } }, event({ trigger: 'basic' }))).toBe(false);
    expect(matches({ detail: { trigger: ['basic'] } }, event({ trigger: { risk: 8 } }))).toBe(false);
  });

  it('matches a field inside an array of objects when any element matches', () => {
    const order = event({ items: [{ sku: 'A-1', qty: 1 }, { sku: 'B-2', qty: 3 }] });
    expect(matches({ detail: { items: { sku: ['B-2'] } } }, order)).toBe(true);
    expect(matches({ detail: { items: { sku: ['C-3'] } } }, order)).toBe(false);
    expect(matches({ detail: { items: { sku: [{ prefix: 'A-' }] } } }, order)).toBe(true);
  });

  it('requires sibling fields to match within the same array element', () => {
    const order = event({ items: [{ sku: 'A-1', qty: 1 }, { sku: 'B-2', qty: 3 }] });
    expect(matches({ detail: { items: { sku: ['B-2'], qty: [3] } } }, order)).toBe(true);
    expect(matches({ detail: { items: { sku: ['A-1'], qty: [3] } } }, order)).toBe(false);
  });

  it('flattens arrays of arrays in the event', () => {
    const employees = event({ employees: [[{ firstName: 'John' }, { firstName: 'Anna' }], [{ firstName: 'Peter' }]] });
    expect(matches({ detail: { employees: { firstName: ['Peter'] } } }, employees)).toBe(true);
    expect(matches({ detail: { tags: ['b'] } }, event({ tags: [['a'], ['b', 'c']] }))).toBe(true);
  });

  it('treats dotted keys literally', () => {
    expect(matches({ detail: { 'state.status': ['running'] } }, event({ 'state.status': 'running' }))).toBe(true);
  });
});

describe('prefix', () => {
  it('matches the docs time example', () => {
    expect(matches({ time: [{ prefix: '2017-10-02' }] }, event({}, { time: '2017-10-02T18:43:48Z' }))).toBe(true);
    expect(matches({ time: [{ prefix: '2017-10-02' }] }, event({}, { time: '2017-10-03T18:43:48Z' }))).toBe(false);
  });

  it('is case sensitive unless equals-ignore-case is used (docs service example)', () => {
    const pattern = { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } };
    expect(matches(pattern, event({ service: 'EventBridge' }))).toBe(true);
    expect(matches(pattern, event({ service: 'eventbridge' }))).toBe(true);
    expect(matches(pattern, event({ service: 'EVENTBUS' }))).toBe(true);
    expect(matches(pattern, event({ service: 'SNS' }))).toBe(false);
    expect(matches({ detail: { service: [{ prefix: 'EventB' }] } }, event({ service: 'eventbridge' }))).toBe(false);
  });

  it('only matches strings, and any element of an array', () => {
    expect(matches({ detail: { code: [{ prefix: '12' }] } }, event({ code: 123 }))).toBe(false);
    expect(matches({ detail: { code: [{ prefix: '12' }] } }, event({ code: null }))).toBe(false);
    expect(matches({ detail: { code: [{ prefix: '12' }] } }, event({ code: [99, '123'] }))).toBe(true);
  });

  it('matches every string with an empty prefix, but not a missing field', () => {
    expect(matches({ detail: { name: [{ prefix: '' }] } }, event({ name: '' }))).toBe(true);
    expect(matches({ detail: { name: [{ prefix: '' }] } }, event({}))).toBe(false);
  });

  it('rejects non-string prefixes', () => {
    expectInvalid({ time: [{ prefix: 123 }] }, 'time', 'prefix match pattern must be a string');
    expectInvalid({ time: [{ prefix: ['2022-07-13'] }] }, 'time', 'prefix match pattern must be a string');
    expectInvalid({ time: [{ prefix: { wildcard: '2022*' } }] }, 'time', 'Unsupported prefix pattern');
    expectInvalid({ time: [{ prefix: { 'equals-ignore-case': 1 } }] }, 'time', 'must be a string');
  });
});

describe('suffix', () => {
  it('matches the docs FileName example', () => {
    expect(matches({ detail: { FileName: [{ suffix: '.png' }] } }, event({ FileName: 'image.png' }))).toBe(true);
    expect(matches({ detail: { FileName: [{ suffix: '.png' }] } }, event({ FileName: 'image.PNG' }))).toBe(false);
    expect(matches({ detail: { FileName: [{ suffix: '.png' }] } }, event({ FileName: 'image.png.txt' }))).toBe(false);
  });

  it('ignores case with equals-ignore-case', () => {
    const pattern = { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } };
    expect(matches(pattern, event({ FileName: 'image.PNG' }))).toBe(true);
    expect(matches(pattern, event({ FileName: 'image.Png' }))).toBe(true);
    expect(matches(pattern, event({ FileName: 'image.jpg' }))).toBe(false);
  });

  it('only matches strings', () => {
    expect(matches({ detail: { n: [{ suffix: '5' }] } }, event({ n: 125 }))).toBe(false);
  });

  it('rejects non-string suffixes', () => {
    expectInvalid({ FileName: [{ suffix: 123 }] }, 'FileName', 'suffix match pattern must be a string');
    expectInvalid({ FileName: [{ suffix: ['.png'] }] }, 'FileName', 'suffix match pattern must be a string');
  });
});

describe('equals-ignore-case', () => {
  it('matches the docs detail-type example', () => {
    const pattern = { 'detail-type': [{ 'equals-ignore-case': 'ec2 instance state-change notification' }] };
    expect(matches(pattern, event({}))).toBe(true);
    expect(matches(pattern, event({}, { 'detail-type': 'EC2 Instance Launch Successful' }))).toBe(false);
  });

  it('only matches strings, including the empty string', () => {
    expect(matches({ detail: { v: [{ 'equals-ignore-case': '' }] } }, event({ v: '' }))).toBe(true);
    expect(matches({ detail: { v: [{ 'equals-ignore-case': 'true' }] } }, event({ v: true }))).toBe(false);
  });

  it('rejects non-string values', () => {
    expectInvalid({ 'detail-type': [{ 'equals-ignore-case': ['ec2'] }] }, 'detail-type', 'equals-ignore-case match pattern must be a string');
    expectInvalid({ 'detail-type': [{ 'equals-ignore-case': { prefix: 'ec2' } }] }, 'detail-type', 'must be a string');
  });
});

describe('anything-but', () => {
  it('matches anything except a string or a number (docs examples)', () => {
    expect(matches({ detail: { state: [{ 'anything-but': 'initializing' }] } }, event({ state: 'running' }))).toBe(true);
    expect(matches({ detail: { state: [{ 'anything-but': 'initializing' }] } }, event({ state: 'initializing' }))).toBe(false);
    expect(matches({ detail: { 'x-limit': [{ 'anything-but': 123 }] } }, event({ 'x-limit': 124 }))).toBe(true);
    expect(matches({ detail: { 'x-limit': [{ 'anything-but': 123 }] } }, event({ 'x-limit': 123 }))).toBe(false);
  });

  it('excludes every value of a list of strings or of numbers (docs examples)', () => {
    const strings = { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } };
    expect(matches(strings, event({ state: 'running' }))).toBe(true);
    expect(matches(strings, event({ state: 'overloaded' }))).toBe(false);
    const numbers = { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } };
    expect(matches(numbers, event({ 'x-limit': 301.8 }))).toBe(true);
    expect(matches(numbers, event({ 'x-limit': 300.0 }))).toBe(false);
  });

  it('needs the field to be present, but null counts as present', () => {
    expect(matches({ detail: { state: [{ 'anything-but': 'initializing' }] } }, event({}))).toBe(false);
    expect(matches({ detail: { state: [{ 'anything-but': 'initializing' }] } }, event({ state: null }))).toBe(true);
    expect(matches({ detail: { state: [{ 'anything-but': 'initializing' }] } }, event({ state: { code: 1 } }))).toBe(false);
    expect(matches({ detail: { state: [{ 'anything-but': 'initializing' }] } }, event({ state: [] }))).toBe(false);
  });

  it('compares by type: values of another type are never excluded', () => {
    expect(matches({ detail: { n: [{ 'anything-but': '5' }] } }, event({ n: 5 }))).toBe(true);
    expect(matches({ detail: { n: [{ 'anything-but': 5 }] } }, event({ n: '5' }))).toBe(true);
    expect(matches({ detail: { n: [{ 'anything-but': [0] }] } }, event({ n: 0 }))).toBe(false);
    expect(matches({ detail: { n: [{ 'anything-but': ['true'] }] } }, event({ n: true }))).toBe(true);
  });

  it('matches an event array when any element is not excluded', () => {
    const pattern = { detail: { states: [{ 'anything-but': 'stopped' }] } };
    expect(matches(pattern, event({ states: ['stopped', 'running'] }))).toBe(true);
    expect(matches(pattern, event({ states: ['stopped', 'stopped'] }))).toBe(false);
  });

  it('supports prefix, alone and as a list (docs example)', () => {
    const pattern = { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } };
    expect(matches(pattern, event({ state: 'running' }))).toBe(true);
    expect(matches(pattern, event({ state: 'post-init' }))).toBe(true);
    expect(matches(pattern, event({ state: 'initializing' }))).toBe(false);
    expect(matches(pattern, event({ state: 12 }))).toBe(true);
    expect(matches(pattern, event({}))).toBe(false);
    const list = { detail: { Region: [{ 'anything-but': { prefix: ['us-', 'eu-'] } }] } };
    expect(matches(list, event({ Region: 'ap-south-1' }))).toBe(true);
    expect(matches(list, event({ Region: 'eu-west-1' }))).toBe(false);
  });

  it('supports suffix, alone and as a list', () => {
    expect(matches({ detail: { FileName: [{ 'anything-but': { suffix: '.png' } }] } }, event({ FileName: 'a.jpg' }))).toBe(true);
    expect(matches({ detail: { FileName: [{ 'anything-but': { suffix: '.png' } }] } }, event({ FileName: 'a.png' }))).toBe(false);
    const list = { detail: { FileName: [{ 'anything-but': { suffix: ['.png', '.txt'] } }] } };
    expect(matches(list, event({ FileName: 'a.txt' }))).toBe(false);
    expect(matches(list, event({ FileName: 'a.gif' }))).toBe(true);
  });

  it('supports equals-ignore-case, alone and as a list (docs example)', () => {
    const pattern = { detail: { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] } };
    expect(matches(pattern, event({ state: 'INITIALIZING' }))).toBe(false);
    expect(matches(pattern, event({ state: 'running' }))).toBe(true);
    const list = { detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'Overloaded'] } }] } };
    expect(matches(list, event({ state: 'stopped' }))).toBe(false);
    expect(matches(list, event({ state: 'Running' }))).toBe(true);
  });

  it('supports wildcard, alone and as a list (docs FilePath example)', () => {
    const pattern = { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } };
    expect(matches(pattern, event({ FilePath: 'src/lib/index.ts' }))).toBe(false);
    expect(matches(pattern, event({ FilePath: 'src/bin/index.ts' }))).toBe(true);
    const list = { detail: { FilePath: [{ 'anything-but': { wildcard: ['*/lib/*', '*.md'] } }] } };
    expect(matches(list, event({ FilePath: 'README.md' }))).toBe(false);
    expect(matches(list, event({ FilePath: 'dir/init/file' }))).toBe(true);
    expect(matches({ detail: { FilePath: [{ 'anything-but': { wildcard: '' } }] } }, event({ FilePath: 'dir/init/file' }))).toBe(true);
  });

  it('rejects mixed, empty and non-scalar lists', () => {
    expectInvalid({ detail: { state: [{ 'anything-but': ['stopped', 5] }] } }, 'detail.state', 'only strings or only numbers');
    expectInvalid({ detail: { state: [{ 'anything-but': [] }] } }, 'detail.state', 'must not be empty');
    expectInvalid({ detail: { state: [{ 'anything-but': [null] }] } }, 'detail.state');
    expectInvalid({ detail: { state: [{ 'anything-but': null }] } }, 'detail.state', 'Value of anything-but must be');
    expectInvalid({ detail: { state: [{ 'anything-but': true }] } }, 'detail.state', 'Value of anything-but must be');
  });

  it('rejects a list of operator objects: several prefixes go inside {"prefix": [...]}', () => {
    expectInvalid({ detail: { state: [{ 'anything-but': [{ prefix: 'init' }, { prefix: 'stop' }] }] } }, 'detail.state', '{"anything-but": {"prefix": [...]}}');
  });

  it('rejects bad prefix, suffix, equals-ignore-case and wildcard operands', () => {
    expectInvalid({ detail: { state: [{ 'anything-but': { prefix: 123 } }] } }, 'detail.state', 'must be strings');
    expectInvalid({ detail: { state: [{ 'anything-but': { prefix: [123, 'test'] } }] } }, 'detail.state', 'must be strings');
    expectInvalid({ detail: { state: [{ 'anything-but': { prefix: '' } }] } }, 'detail.state', 'must not be empty');
    expectInvalid({ detail: { state: [{ 'anything-but': { suffix: '' } }] } }, 'detail.state', 'must not be empty');
    expectInvalid({ detail: { state: [{ 'anything-but': { 'equals-ignore-case': 123 } }] } }, 'detail.state', 'must be strings');
    expectInvalid({ detail: { state: [{ 'anything-but': { wildcard: 'a**' } }] } }, 'detail.state', 'consecutive wildcard');
    expectInvalid({ detail: { state: [{ 'anything-but': { prefix: { 'equals-ignore-case': 'file' } } }] } }, 'detail.state', 'must be strings');
    expectInvalid({ detail: { state: [{ 'anything-but': { numeric: ['>', 1] } }] } }, 'detail.state', 'Unsupported anything-but pattern: numeric');
    expectInvalid({ detail: { state: [{ 'anything-but': { prefix: 'a', suffix: 'b' } }] } }, 'detail.state', 'exactly one');
  });

  it('rejects numbers outside the numeric range', () => {
    expectInvalid({ detail: { n: [{ 'anything-but': [6e9] }] } }, 'detail.n', '-5e9..5e9');
  });
});

describe('numeric', () => {
  it('matches the docs example (all conditions must hold)', () => {
    const pattern = {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    };
    expect(matches(pattern, event({ 'c-count': 5, 'd-count': 3, 'x-limit': 301.8 }))).toBe(true);
    expect(matches(pattern, event({ 'c-count': 0, 'd-count': 3, 'x-limit': 301.8 }))).toBe(false);
    expect(matches(pattern, event({ 'c-count': 5, 'd-count': 10, 'x-limit': 301.8 }))).toBe(false);
    expect(matches(pattern, event({ 'c-count': 5, 'd-count': 3, 'x-limit': 301.81 }))).toBe(false);
  });

  it('honours open and closed bounds', () => {
    const closed = { detail: { n: [{ numeric: ['>=', 1, '<=', 2] }] } };
    const open = { detail: { n: [{ numeric: ['>', 1, '<', 2] }] } };
    for (const [n, inClosed, inOpen] of [[0.999999, false, false], [1, true, false], [1.5, true, true], [2, true, false], [2.000001, false, false]] as const) {
      expect(matches(closed, event({ n })), `closed ${n}`).toBe(inClosed);
      expect(matches(open, event({ n })), `open ${n}`).toBe(inOpen);
    }
    expect(matches({ detail: { n: [{ numeric: ['>=', -10] }] } }, event({ n: -10 }))).toBe(true);
    expect(matches({ detail: { n: [{ numeric: ['<=', -10] }] } }, event({ n: -9.5 }))).toBe(false);
  });

  it('treats integers and floats alike', () => {
    expect(matches({ detail: { number: [{ numeric: ['>', 100] }] } }, event({ number: 101.0 }))).toBe(true);
    expect(matches({ detail: { number: [{ numeric: ['=', 300] }] } }, event({ number: 300.0 }))).toBe(true);
  });

  it('only matches JSON numbers: not numeric strings, null, booleans or missing fields', () => {
    const pattern = { detail: { n: [{ numeric: ['>', 0] }] } };
    expect(matches(pattern, event({ n: '5' }))).toBe(false);
    expect(matches(pattern, event({ n: null }))).toBe(false);
    expect(matches(pattern, event({ n: true }))).toBe(false);
    expect(matches(pattern, event({}))).toBe(false);
  });

  it('matches an event array when any element is in range', () => {
    expect(matches({ detail: { n: [{ numeric: ['>', 10] }] } }, event({ n: [1, 2, 30] }))).toBe(true);
    expect(matches({ detail: { n: [{ numeric: ['>', 10] }] } }, event({ n: [1, 2, '30'] }))).toBe(false);
  });

  it('ignores event numbers beyond the documented -5e9..5e9 range', () => {
    expect(matches({ detail: { n: [{ numeric: ['>', 0] }] } }, event({ n: 5e9 }))).toBe(true);
    expect(matches({ detail: { n: [{ numeric: ['>', 0] }] } }, event({ n: 6e9 }))).toBe(false);
  });

  it('can be combined with other values in the same list', () => {
    const pattern = { detail: { n: [{ numeric: ['<', 0] }, 'unknown'] } };
    expect(matches(pattern, event({ n: -1 }))).toBe(true);
    expect(matches(pattern, event({ n: 'unknown' }))).toBe(true);
    expect(matches(pattern, event({ n: 1 }))).toBe(false);
  });

  it('rejects malformed ranges, naming the path', () => {
    expectInvalid({ detail: { price: [{ numeric: '>' }] } }, 'detail.price', 'numeric needs');
    expectInvalid({ detail: { price: [{ numeric: [] }] } }, 'detail.price', 'numeric needs');
    expectInvalid({ detail: { price: [{ numeric: ['!=', 5] }] } }, 'detail.price', 'unrecognized range operator');
    expectInvalid({ detail: { price: [{ numeric: [5, '>'] }] } }, 'detail.price', 'unrecognized range operator');
    expectInvalid({ detail: { price: [{ numeric: ['>'] }] } }, 'detail.price', 'needs a number');
    expectInvalid({ detail: { price: [{ numeric: ['>', '5'] }] } }, 'detail.price', 'needs a number');
    expectInvalid({ detail: { price: [{ numeric: ['>', 0, '<'] }] } }, 'detail.price', 'too many or too few terms');
    expectInvalid({ detail: { price: [{ numeric: ['>', 0, '>', 5] }] } }, 'detail.price', 'bad range operator ">"');
    expectInvalid({ detail: { price: [{ numeric: ['<', 10, '>', 0] }] } }, 'detail.price', 'only ">" or ">=" may be followed');
    expectInvalid({ detail: { price: [{ numeric: ['=', 1, '<', 5] }] } }, 'detail.price', 'only ">" or ">=" may be followed');
    expectInvalid({ detail: { price: [{ numeric: ['>', 5, '<', 5] }] } }, 'detail.price', 'bottom 5 must be less than top 5');
    expectInvalid({ detail: { price: [{ numeric: ['>', 0, '<', 5, '<', 6] }] } }, 'detail.price', 'too many or too few terms');
    expectInvalid({ detail: { price: [{ numeric: ['<', 6e9] }] } }, 'detail.price', '-5e9..5e9');
    expectInvalid({ detail: { price: [{ numeric: ['<', 0.1234567] }] } }, 'detail.price', 'more than 6 decimal places');
    expectInvalid({ detail: { price: [{ NUMERIC: ['=', 5] }] } }, 'detail.price', 'Unrecognized match type NUMERIC');
  });
});

describe('exists', () => {
  it('matches a present field with exists: true and a missing one with exists: false', () => {
    expect(matches({ detail: { 'c-count': [{ exists: true }] } }, event({ 'c-count': 5 }))).toBe(true);
    expect(matches({ detail: { 'c-count': [{ exists: true }] } }, event({}))).toBe(false);
    expect(matches({ detail: { 'c-count': [{ exists: false }] } }, event({ state: 'running' }))).toBe(true);
    expect(matches({ detail: { 'c-count': [{ exists: false }] } }, event({ 'c-count': 5 }))).toBe(false);
  });

  it('only looks at leaves: an object value does not exist (docs example)', () => {
    const nested = event({ state: ['initializing', 'running'], 'c-count': { c1: 100 } });
    expect(matches({ detail: { 'c-count': [{ exists: false }] } }, nested)).toBe(true);
    expect(matches({ detail: { 'c-count': [{ exists: true }] } }, nested)).toBe(false);
  });

  it('counts null, false, 0 and the empty string as existing', () => {
    for (const value of [null, false, 0, '']) {
      expect(matches({ detail: { v: [{ exists: true }] } }, event({ v: value })), String(value)).toBe(true);
      expect(matches({ detail: { v: [{ exists: false }] } }, event({ v: value })), String(value)).toBe(false);
    }
  });

  it('treats an empty array as not existing and a non-empty one as existing', () => {
    expect(matches({ resources: [{ exists: true }] }, event({}, { resources: [] }))).toBe(false);
    expect(matches({ resources: [{ exists: false }] }, event({}, { resources: [] }))).toBe(true);
    expect(matches({ resources: [{ exists: true }] }, event({}))).toBe(true);
  });

  it('matches exists: false when a whole parent path is missing', () => {
    const pattern = { detail: { level1: { level2: { level3: { level4: [{ exists: false }] } } } } };
    expect(matches(pattern, event({ level1: { level2: 'l2 value' } }))).toBe(true);
    expect(matches(pattern, event({ level1: { level2: { level3: { level4: 'l4 value' } } } }))).toBe(false);
    expect(matches({ nothing: { here: [{ exists: false }] } }, event({}))).toBe(true);
  });

  it('matches exists: true inside an array of objects when any element has the field', () => {
    const automations = event({ automations: [{ key1: 'value1' }, { id: 'match-does-exist' }, { key2: 'value2' }] });
    expect(matches({ detail: { automations: { id: [{ exists: true }] } } }, automations)).toBe(true);
    expect(matches({ detail: { automations: { other: [{ exists: true }] } } }, automations)).toBe(false);
  });

  it('combines with other values in the list (OR)', () => {
    const pattern = { dynamodb: { NewImage: { homemade: { S: [{ 'anything-but': ['roses'] }, { exists: false }] } } } };
    expect(matches(pattern, event({}, { dynamodb: { NewImage: { purchased: { N: '789' } } } }))).toBe(true);
    expect(matches(pattern, event({}, { dynamodb: { NewImage: { homemade: { S: 'ABCD' } } } }))).toBe(true);
    expect(matches(pattern, event({}, { dynamodb: { NewImage: { homemade: { S: 'roses' } } } }))).toBe(false);
  });

  it('rejects non-boolean values', () => {
    expectInvalid({ detail: { v: [{ exists: 'true' }] } }, 'detail.v', 'exists match pattern must be either true or false');
    expectInvalid({ detail: { v: [{ exists: 1 }] } }, 'detail.v', 'true or false');
  });
});

describe('wildcard', () => {
  const arn = (bus: string) => event({}, { EventBusArn: `arn:aws:events:us-east-1:123456789012:event-bus/${bus}` });

  it('matches the docs event-bus ARN example', () => {
    const pattern = { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] };
    expect(matches(pattern, arn('orders'))).toBe(true);
    expect(matches(pattern, event({}, { EventBusArn: 'arn:aws:events:eu-west-1:123456789012:event-bus/orders' }))).toBe(false);
  });

  it('lets * match any run of characters, including none', () => {
    expect(matches({ source: [{ wildcard: 'Simple*Service' }] }, event({}, { source: 'SimpleService' }))).toBe(true);
    expect(matches({ source: [{ wildcard: 'Simple*Service' }] }, event({}, { source: 'SimpleQueueService' }))).toBe(true);
    expect(matches({ source: [{ wildcard: 'Simple*Service' }] }, event({}, { source: 'SimpleQueueServices' }))).toBe(false);
    expect(matches({ source: [{ wildcard: '*' }] }, event({}, { source: '' }))).toBe(true);
    expect(matches({ source: [{ wildcard: 'a*b*c' }] }, event({}, { source: 'a-b-b-c' }))).toBe(true);
    expect(matches({ FileName: [{ wildcard: '/Users/*/dir/dir/doc.txt' }] }, event({}, { FileName: '/Users/ls_user/dir/dir/doc.txt' }))).toBe(true);
    expect(matches({ text: [{ wildcard: 'line*end' }] }, event({}, { text: 'line\nend' }))).toBe(true);
  });

  it('is case sensitive and treats regex characters literally', () => {
    expect(matches({ source: [{ wildcard: 'aws.*' }] }, event({}, { source: 'AWS.ec2' }))).toBe(false);
    expect(matches({ source: [{ wildcard: 'a.c*' }] }, event({}, { source: 'abc' }))).toBe(false);
    expect(matches({ source: [{ wildcard: '(a+)?[x]*' }] }, event({}, { source: '(a+)?[x]yz' }))).toBe(true);
  });

  it('escapes a literal star with \\* and a literal backslash with \\\\', () => {
    const star = { detail: { name: [{ wildcard: 'file\\*.txt' }] } };
    expect(matches(star, event({ name: 'file*.txt' }))).toBe(true);
    expect(matches(star, event({ name: 'file1.txt' }))).toBe(false);
    const starThenWildcard = { detail: { name: [{ wildcard: '\\**' }] } };
    expect(matches(starThenWildcard, event({ name: '*anything' }))).toBe(true);
    expect(matches(starThenWildcard, event({ name: 'anything' }))).toBe(false);
    const backslash = { detail: { path: [{ wildcard: 'C:\\\\*' }] } };
    expect(matches(backslash, event({ path: 'C:\\Windows' }))).toBe(true);
    expect(matches(backslash, event({ path: 'C:/Windows' }))).toBe(false);
  });

  it('only matches strings', () => {
    expect(matches({ detail: { n: [{ wildcard: '1*' }] } }, event({ n: 123 }))).toBe(false);
    expect(matches({ detail: { n: [{ wildcard: '*' }] } }, event({ n: null }))).toBe(false);
  });

  it('rejects consecutive stars, bad escapes and non-strings', () => {
    expectInvalid({ EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:**:event-bus/*' }] }, 'EventBusArn', 'consecutive wildcard characters at pos 25');
    expectInvalid({ detail: { name: [{ wildcard: 'a\\b' }] } }, 'detail.name', 'invalid escape character at pos 1');
    expectInvalid({ detail: { name: [{ wildcard: 'trailing\\' }] } }, 'detail.name', 'invalid escape character');
    expectInvalid({ EventBusArn: [{ wildcard: 123 }] }, 'EventBusArn', 'wildcard match pattern must be a string');
    expectInvalid({ EventBusArn: [{ wildcard: ['a*'] }] }, 'EventBusArn', 'wildcard match pattern must be a string');
  });
});

describe('cidr', () => {
  const pattern = { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } };

  it('matches IPv4 addresses in the block (docs example)', () => {
    expect(matches(pattern, event({ sourceIPAddress: '10.0.0.0' }))).toBe(true);
    expect(matches(pattern, event({ sourceIPAddress: '10.0.0.33' }))).toBe(true);
    expect(matches(pattern, event({ sourceIPAddress: '10.0.0.255' }))).toBe(true);
    expect(matches(pattern, event({ sourceIPAddress: '10.0.1.0' }))).toBe(false);
    expect(matches(pattern, event({ sourceIPAddress: '9.255.255.255' }))).toBe(false);
  });

  it('handles /0, /8 and single-host blocks, and masks a base address with host bits', () => {
    expect(matches({ ip: [{ cidr: '0.0.0.0/0' }] }, event({}, { ip: '203.0.113.9' }))).toBe(true);
    expect(matches({ ip: [{ cidr: '10.0.0.0/8' }] }, event({}, { ip: '10.200.3.4' }))).toBe(true);
    expect(matches({ ip: [{ cidr: '192.168.1.7/32' }] }, event({}, { ip: '192.168.1.7' }))).toBe(true);
    expect(matches({ ip: [{ cidr: '192.168.1.7/32' }] }, event({}, { ip: '192.168.1.8' }))).toBe(false);
    expect(matches({ ip: [{ cidr: '10.0.0.5/24' }] }, event({}, { ip: '10.0.0.1' }))).toBe(true);
  });

  it('matches IPv6 addresses in full and compressed form', () => {
    const v6 = { detail: { sourceIPAddress: [{ cidr: '2001:db8:1234:1a00::/64' }] } };
    expect(matches(v6, event({ sourceIPAddress: '2001:0db8:1234:1a00:0000:0000:0000:0000' }))).toBe(true);
    expect(matches(v6, event({ sourceIPAddress: '2001:db8:1234:1a00:ffff:ffff:ffff:ffff' }))).toBe(true);
    expect(matches(v6, event({ sourceIPAddress: '2001:DB8:1234:1A00::42' }))).toBe(true);
    expect(matches(v6, event({ sourceIPAddress: '2001:db8:1234:1a01::' }))).toBe(false);
    expect(matches({ ip: [{ cidr: '::ffff:10.0.0.0/120' }] }, event({}, { ip: '::ffff:10.0.0.9' }))).toBe(true);
    expect(matches({ ip: [{ cidr: '::1/128' }] }, event({}, { ip: '0:0:0:0:0:0:0:1' }))).toBe(true);
  });

  it('never matches across address families, non-strings or non-addresses', () => {
    expect(matches({ ip: [{ cidr: '::/0' }] }, event({}, { ip: '10.0.0.1' }))).toBe(false);
    expect(matches({ ip: [{ cidr: '0.0.0.0/0' }] }, event({}, { ip: '::1' }))).toBe(false);
    expect(matches(pattern, event({ sourceIPAddress: 123 }))).toBe(false);
    expect(matches(pattern, event({ sourceIPAddress: 'example.com' }))).toBe(false);
    expect(matches(pattern, event({ sourceIPAddress: '10.0.0.256' }))).toBe(false);
    expect(matches(pattern, event({ sourceIPAddress: ['192.168.0.1', '10.0.0.7'] }))).toBe(true);
  });

  it('rejects invalid blocks', () => {
    expectInvalid({ detail: { ip: [{ cidr: '10.0.0.0' }] } }, 'detail.ip', "one '/' required");
    expectInvalid({ detail: { ip: [{ cidr: '10.0.0.0/8/8' }] } }, 'detail.ip', "one '/' required");
    expectInvalid({ detail: { ip: [{ cidr: 'bad-/64filter' }] } }, 'detail.ip', 'mask bits must be an integer');
    expectInvalid({ detail: { ip: [{ cidr: '10.0.0.0/-1' }] } }, 'detail.ip', 'mask bits must be an integer');
    expectInvalid({ detail: { ip: [{ cidr: 'xx.11.xx/8' }] } }, 'detail.ip', 'nonstandard IP address "xx.11.xx"');
    expectInvalid({ detail: { ip: [{ cidr: 'xxxx:db8:1234:1a00::/64' }] } }, 'detail.ip', 'nonstandard IP address');
    expectInvalid({ detail: { ip: [{ cidr: '10.0.0.256/24' }] } }, 'detail.ip', 'nonstandard IP address');
    expectInvalid({ detail: { ip: [{ cidr: '10.0.0.0/33' }] } }, 'detail.ip', 'at most 32');
    expectInvalid({ detail: { ip: [{ cidr: '2001:db8::/129' }] } }, 'detail.ip', 'at most 128');
    expectInvalid({ detail: { ip: [{ cidr: '1::2::3/64' }] } }, 'detail.ip', 'nonstandard IP address');
    expectInvalid({ detail: { ip: [{ cidr: ['10.0.0.0/24'] }] } }, 'detail.ip', 'cidr match pattern must be a string');
  });
});

describe('$or', () => {
  it('matches when any branch matches, ANDed with the other fields (docs "normal or")', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
    };
    expect(matches(pattern, event({}, { source: 'aws.cloudwatch', metricName: 'ReadLatency' }))).toBe(true);
    expect(matches(pattern, event({}, { source: 'aws.cloudwatch', namespace: 'AWS/ES' }))).toBe(true);
    expect(matches(pattern, event({}, { source: 'aws.cloudwatch', metricName: 'Other' }))).toBe(false);
    expect(matches(pattern, event({}, { source: 'aws.ec2', metricName: 'ReadLatency' }))).toBe(false);
  });

  it('supports $or at several levels in parallel (docs "parallel or")', () => {
    const pattern = {
      $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
      detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
    };
    expect(matches(pattern, event({ source: 'aws.cloudwatch' }, { namespace: 'AWS/EC2' }))).toBe(true);
    expect(matches(pattern, event({ 'detail-type': 'CloudWatch Alarm State Change' }, { metricName: 'CPUUtilization' }))).toBe(true);
    expect(matches(pattern, event({ source: 'other' }, { namespace: 'AWS/EC2' }))).toBe(false);
    expect(matches(pattern, event({ source: 'aws.cloudwatch' }, { namespace: 'AWS/S3' }))).toBe(false);
  });

  it('supports AND inside a branch and nested $or (docs "nested or and and")', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        { metricType: ['MetricType'], namespace: ['AWS/EC2', 'AWS/ES'], $or: [{ metricId: [1234] }, { spaceId: [1000] }] },
        { scope: ['Service'] },
      ],
    };
    const base = { source: 'aws.cloudwatch' };
    expect(matches(pattern, event({}, { ...base, scope: 'Service' }))).toBe(true);
    expect(matches(pattern, event({}, { ...base, metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 1000 }))).toBe(true);
    expect(matches(pattern, event({}, { ...base, metricType: 'MetricType', namespace: 'AWS/EC2' }))).toBe(false);
    expect(matches(pattern, event({}, { ...base, metricType: 'MetricType', spaceId: 1000 }))).toBe(false);
  });

  it('works with operators, exists and nested objects inside branches', () => {
    const pattern = {
      detail: {
        $or: [{ 'c-count': [{ numeric: ['>', 0, '<=', 5] }] }, { 'd-count': [{ numeric: ['<', 10] }] }, { 'x-limit': [{ exists: false }] }],
      },
    };
    expect(matches(pattern, event({ 'c-count': 3, 'x-limit': 1 }))).toBe(true);
    expect(matches(pattern, event({ 'd-count': 3, 'x-limit': 1 }))).toBe(true);
    expect(matches(pattern, event({}))).toBe(true);
    expect(matches(pattern, event({ 'c-count': 30, 'd-count': 30, 'x-limit': 1 }))).toBe(false);
  });

  it('applies within one element of an array of objects', () => {
    const pattern = { detail: { items: { $or: [{ sku: ['A-1'] }, { qty: [{ numeric: ['>', 10] }] }] } } };
    expect(matches(pattern, event({ items: [{ sku: 'B-2', qty: 20 }] }))).toBe(true);
    expect(matches(pattern, event({ items: [{ sku: 'B-2', qty: 2 }, { sku: 'A-1', qty: 1 }] }))).toBe(true);
    expect(matches(pattern, event({ items: [{ sku: 'B-2', qty: 2 }] }))).toBe(false);
  });

  it('rejects empty, single-branch and non-array $or', () => {
    expectInvalid({ detail: { $or: [] } }, 'detail.$or', 'at least 2 objects');
    expectInvalid({ $or: [{ source: ['aws.ec2'] }] }, '$or', 'at least 2 objects');
    expectInvalid({ $or: { source: ['aws.ec2'] } }, '$or', 'must be an array');
    expectInvalid({ $or: [{ source: ['a'] }, ['b']] }, '$or[1]', 'only objects');
    expectInvalid({ $or: [{ source: ['a'] }, {}] }, '$or[1]', 'Empty objects are not allowed');
  });

  it('names the path of errors inside branches', () => {
    expectInvalid({ detail: { $or: [{ state: ['a'] }, { price: [{ numeric: ['>', 'x'] }] }] } }, 'detail.$or[1].price', 'numeric');
  });

  it('rejects operator keywords used as field names inside a branch', () => {
    expectInvalid({ $or: [{ numeric: [123] }, { prefix: ['abc'] }] }, '$or[0].numeric', 'reserved keyword');
    expectInvalid({ $or: [{ source: ['a'] }, { detail: { exists: [true] } }] }, '$or[1].detail.exists', 'reserved keyword');
  });
});

describe('complex patterns', () => {
  const pattern = {
    time: [{ prefix: '2017-10-02' }],
    detail: {
      state: [{ 'anything-but': 'initializing' }],
      'c-count': [{ numeric: ['>', 0, '<=', 5] }],
      'd-count': [{ numeric: ['<', 10] }],
      'x-limit': [{ 'anything-but': [100, 200, 300] }],
      'source-ip': [{ cidr: '10.0.0.0/8' }],
    },
  };
  const detail = { 'c-count': 5, 'd-count': 3, 'x-limit': 301.8, 'source-ip': '10.0.0.33', 'instance-id': 'i-000000aaaaaa00000', state: 'running' };

  it('matches the docs complex example against the docs event', () => {
    expect(matches(pattern, event(detail, { time: '2017-10-02T16:24:49Z' }))).toBe(true);
  });

  it('fails when any single condition fails', () => {
    const time = { time: '2017-10-02T16:24:49Z' };
    expect(matches(pattern, event(detail, { time: '2017-10-03T16:24:49Z' }))).toBe(false);
    expect(matches(pattern, event({ ...detail, state: 'initializing' }, time))).toBe(false);
    expect(matches(pattern, event({ ...detail, 'c-count': 6 }, time))).toBe(false);
    expect(matches(pattern, event({ ...detail, 'x-limit': 200 }, time))).toBe(false);
    expect(matches(pattern, event({ ...detail, 'source-ip': '11.0.0.1' }, time))).toBe(false);
    const { state: _state, ...withoutState } = detail;
    expect(matches(pattern, event(withoutState, time))).toBe(false);
  });

  it('returns false for events that are not objects', () => {
    const compiled = parseEventPattern({ source: [{ exists: false }] });
    expect(matchesEventPattern(compiled, null as unknown as Record<string, unknown>)).toBe(false);
    expect(matchesEventPattern(compiled, [] as unknown as Record<string, unknown>)).toBe(false);
  });
});
