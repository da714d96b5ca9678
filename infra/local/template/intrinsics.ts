// Resolves CloudFormation intrinsic functions against the local stack's names, so environment
// variables, targets and mappings in the synthesized template point at the local stand-ins.

export type CfnValue = unknown;

export interface ResolveContext {
  region: string;
  accountId: string;
  stackName: string;
  /** What `Ref` returns for a resource. */
  ref(logicalId: string): string;
  /** What `Fn::GetAtt` returns for a resource's attribute. */
  getAtt(logicalId: string, attribute: string): string;
}

export class UnresolvableError extends Error {}

function pseudo(name: string, ctx: ResolveContext): string | undefined {
  switch (name) {
    case 'AWS::Region':
      return ctx.region;
    case 'AWS::AccountId':
      return ctx.accountId;
    case 'AWS::Partition':
      return 'aws';
    case 'AWS::URLSuffix':
      return 'amazonaws.com';
    case 'AWS::StackName':
      return ctx.stackName;
    case 'AWS::StackId':
      return `arn:aws:cloudformation:${ctx.region}:${ctx.accountId}:stack/${ctx.stackName}/local`;
    default:
      return undefined;
  }
}

function substitute(template: string, vars: Record<string, CfnValue>, ctx: ResolveContext): string {
  return template.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    if (name in vars) return String(resolveIntrinsics(vars[name], ctx));
    const pseudoValue = pseudo(name, ctx);
    if (pseudoValue !== undefined) return pseudoValue;
    const dot = name.indexOf('.');
    return dot === -1 ? ctx.ref(name) : ctx.getAtt(name.slice(0, dot), name.slice(dot + 1));
  });
}

/** Deeply resolves a template value; plain values come back unchanged. */
export function resolveIntrinsics(value: CfnValue, ctx: ResolveContext): CfnValue {
  if (Array.isArray(value)) return value.map((item) => resolveIntrinsics(item, ctx));
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, CfnValue>);
  if (entries.length === 1) {
    const [key, arg] = entries[0]!;
    switch (key) {
      case 'Ref': {
        const name = String(arg);
        return pseudo(name, ctx) ?? ctx.ref(name);
      }
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = Array.isArray(arg) ? arg : String(arg).split(/\.(.*)/);
        return ctx.getAtt(String(logicalId), String(attribute));
      }
      case 'Fn::Join': {
        const [separator, parts] = arg as [string, CfnValue[]];
        return (resolveIntrinsics(parts, ctx) as CfnValue[]).join(separator);
      }
      case 'Fn::Sub': {
        const [template, vars] = typeof arg === 'string' ? [arg, {}] : (arg as [string, Record<string, CfnValue>]);
        return substitute(template, vars, ctx);
      }
      case 'Fn::Select': {
        const [index, list] = arg as [CfnValue, CfnValue];
        return (resolveIntrinsics(list, ctx) as CfnValue[])[Number(resolveIntrinsics(index, ctx))];
      }
      case 'Fn::Split': {
        const [separator, source] = arg as [string, CfnValue];
        return String(resolveIntrinsics(source, ctx)).split(separator);
      }
      case 'Fn::ImportValue':
      case 'Fn::If':
      case 'Fn::FindInMap':
        throw new UnresolvableError(`${key} is not supported by the local stack`);
    }
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, resolveIntrinsics(item, ctx)]));
}
