// The EventBridge Scheduler REST-JSON API as the AWS SDK v3 speaks it: schedules under
// /schedules/{Name} (groupName in the query for GET/DELETE, GroupName in the body for POST/PUT),
// groups under /schedule-groups/{Name}, tags under /tags/{ResourceArn}. Timestamps travel as
// epoch seconds; errors as an `x-amzn-errortype` header plus `{"Message": ...}` with the status
// the SDK maps to ConflictException (409), ResourceNotFoundException (404), ValidationException (400).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../activity.ts';
import { compareKeys, scheduleKey, type ScheduleStore } from './store.ts';
import { SchedulerError, validation, type ScheduleGroup, type StoredSchedule } from './types.ts';
import { checkName, NAME_PATTERN, parseScheduleInput } from './validate.ts';

type Json = Record<string, unknown>;

const seconds = (date: Date | undefined) => (date === undefined ? undefined : date.getTime() / 1000);

/** The defaults GetSchedule reports for a target without its own RetryPolicy. */
const DEFAULT_RETRY_POLICY = { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 };

function scheduleOutput(schedule: StoredSchedule): Json {
  return {
    ...schedule,
    StartDate: seconds(schedule.StartDate),
    EndDate: seconds(schedule.EndDate),
    CreationDate: seconds(schedule.CreationDate),
    LastModificationDate: seconds(schedule.LastModificationDate),
    Target: { ...schedule.Target, RetryPolicy: { ...DEFAULT_RETRY_POLICY, ...schedule.Target.RetryPolicy } },
  };
}

function groupOutput(group: ScheduleGroup): Json {
  return { Arn: group.Arn, Name: group.Name, State: group.State, CreationDate: seconds(group.CreationDate), LastModificationDate: seconds(group.LastModificationDate) };
}

async function jsonBody(req: IncomingMessage): Promise<Json> {
  const raw = (await readBody(req)).toString('utf8');
  if (!raw.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Json;
  } catch {
    // Reported below.
  }
  throw new SchedulerError('SerializationException', 'The request body is not a JSON object', 400);
}

function pageOf<T>(items: T[], keyOf: (item: T) => string, query: URLSearchParams): { page: T[]; NextToken?: string } {
  const maxText = query.get('MaxResults');
  const max = maxText === null ? 100 : Number(maxText);
  if (!Number.isInteger(max) || max < 1 || max > 100) throw validation(`MaxResults: must be an integer from 1 to 100 (got ${maxText})`);
  const token = query.get('NextToken');
  let after: string | undefined;
  if (token !== null) {
    try {
      after = Buffer.from(token, 'base64url').toString('utf8');
    } catch {
      after = undefined;
    }
    if (!after?.startsWith('local:')) throw validation('NextToken: the token is not valid');
    after = after.slice('local:'.length);
  }
  const rest = after === undefined ? items : items.filter((item) => compareKeys(keyOf(item), after) > 0);
  const page = rest.slice(0, max);
  if (rest.length <= max) return { page };
  return { page, NextToken: Buffer.from(`local:${keyOf(page[page.length - 1]!)}`, 'utf8').toString('base64url') };
}

function tags(value: unknown): { Key: string; Value: string }[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((tag) => typeof tag?.Key !== 'string' || typeof tag?.Value !== 'string')) {
    throw validation('Tags: must be a list of {"Key": string, "Value": string}');
  }
  return value.map((tag: { Key: string; Value: string }) => ({ Key: tag.Key, Value: tag.Value }));
}

export interface SchedulerApiDeps {
  store: ScheduleStore;
  now: () => Date;
}

/** Routes one request; returns the JSON response body (status 200) or throws a SchedulerError. */
async function route(req: IncomingMessage, deps: SchedulerApiDeps): Promise<Json> {
  const { store, now } = deps;
  const url = new URL(req.url ?? '/', 'http://scheduler.local');
  const segments = url.pathname.split('/').filter(Boolean).map((segment) => decodeURIComponent(segment));
  const method = req.method ?? 'GET';
  const query = url.searchParams;
  const [resource, name, extra] = segments;

  if (resource === 'schedules' && extra === undefined) {
    if (name === undefined) {
      if (method !== 'GET') throw unknownOperation(method, url.pathname);
      const groupName = query.get('ScheduleGroup') ?? undefined;
      if (groupName !== undefined) store.getGroup(groupName);
      const namePrefix = query.get('NamePrefix') ?? undefined;
      if (namePrefix !== undefined && !NAME_PATTERN.test(namePrefix)) throw validation(`NamePrefix: '${namePrefix}' must be 1 to 64 characters of 0-9, a-z, A-Z, - _ and .`);
      const state = query.get('State') ?? undefined;
      if (state !== undefined && state !== 'ENABLED' && state !== 'DISABLED') throw validation(`State: must be ENABLED or DISABLED (got ${state})`);
      const { page, NextToken } = pageOf(store.list({ groupName, namePrefix, state }), scheduleKey, query);
      const Schedules = page.map(({ schedule }) => ({
        Arn: schedule.Arn,
        Name: schedule.Name,
        GroupName: schedule.GroupName,
        State: schedule.State,
        CreationDate: seconds(schedule.CreationDate),
        LastModificationDate: seconds(schedule.LastModificationDate),
        Target: { Arn: schedule.Target.Arn },
      }));
      return NextToken ? { Schedules, NextToken } : { Schedules };
    }
    checkName(name);
    switch (method) {
      case 'POST': {
        const entry = store.create(name, parseScheduleInput(await jsonBody(req), now()), now());
        return { ScheduleArn: entry.schedule.Arn };
      }
      case 'PUT': {
        const entry = store.update(name, parseScheduleInput(await jsonBody(req), now()), now());
        return { ScheduleArn: entry.schedule.Arn };
      }
      case 'GET':
        return scheduleOutput(store.get(groupParam(query), name).schedule);
      case 'DELETE':
        store.delete(groupParam(query), name);
        return {};
    }
  }

  if (resource === 'schedule-groups' && extra === undefined) {
    if (name === undefined) {
      if (method !== 'GET') throw unknownOperation(method, url.pathname);
      const namePrefix = query.get('NamePrefix') ?? undefined;
      const { page, NextToken } = pageOf(store.listGroups(namePrefix), (group) => group.Name, query);
      const ScheduleGroups = page.map(groupOutput);
      return NextToken ? { ScheduleGroups, NextToken } : { ScheduleGroups };
    }
    checkName(name);
    switch (method) {
      case 'POST':
        return { ScheduleGroupArn: store.createGroup(name, now(), tags((await jsonBody(req)).Tags)).Arn };
      case 'GET':
        return groupOutput(store.getGroup(name));
      case 'DELETE':
        store.deleteGroup(name);
        return {};
    }
  }

  if (resource === 'tags' && name !== undefined && extra === undefined) {
    const group = store.groupByArn(name);
    switch (method) {
      case 'GET':
        return { Tags: group.Tags };
      case 'POST': {
        const added = tags((await jsonBody(req)).Tags);
        group.Tags = [...group.Tags.filter((tag) => !added.some((add) => add.Key === tag.Key)), ...added];
        return {};
      }
      case 'DELETE': {
        const remove = new Set(query.getAll('TagKeys'));
        group.Tags = group.Tags.filter((tag) => !remove.has(tag.Key));
        return {};
      }
    }
  }

  throw unknownOperation(method, url.pathname);
}

function groupParam(query: URLSearchParams): string {
  const groupName = query.get('groupName') ?? 'default';
  return checkName(groupName, 'GroupName');
}

function unknownOperation(method: string, path: string): SchedulerError {
  return new SchedulerError('UnknownOperationException', `The local EventBridge Scheduler does not implement ${method} ${path}`, 404);
}

export function schedulerApiHandler(deps: SchedulerApiDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = crypto.randomUUID();
    let status = 200;
    let body: Json;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amzn-requestid': requestId };
    try {
      body = await route(req, deps);
    } catch (error) {
      const known = error instanceof SchedulerError ? error : undefined;
      const statusCode = (error as { statusCode?: number }).statusCode;
      status = known?.statusCode ?? (statusCode === 413 ? 413 : 500);
      headers['x-amzn-errortype'] = known?.type ?? (status === 413 ? 'ValidationException' : 'InternalServerException');
      body = { Message: (error as Error).message };
    }
    if (res.headersSent) return;
    res.writeHead(status, headers);
    res.end(JSON.stringify(body));
  };
}
