// The synthesized template without bundling the functions: tests of policies and settings need the
// resources, not the code, and skipping esbuild keeps the synth to seconds.
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/app.ts';

export interface TemplateResource {
  Type: string;
  Properties: Record<string, any>;
}

export interface SynthesizedTemplate {
  Resources: Record<string, TemplateResource>;
  Outputs: Record<string, { Value: unknown }>;
}

export function synthesizedTemplate(): SynthesizedTemplate {
  // The stack's resource count is the stack tests' business, not these tests': no limit here.
  const { stack } = buildApp(new App({ context: { 'cli-telemetry': false, 'aws:cdk:bundling-stacks': [], '@aws-cdk/core:stackResourceLimit': 0 } }));
  const { Resources, Outputs = {} } = Template.fromStack(stack).toJSON();
  return { Resources, Outputs };
}

/** Logical ids of the template resources `value` refers to (Ref, Fn::GetAtt), pseudo parameters aside. */
export function referencedIds(value: unknown): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'Ref' && typeof child === 'string' && !child.startsWith('AWS::')) found.add(child);
      else if (key === 'Fn::GetAtt') found.add(Array.isArray(child) ? String(child[0]) : String(child).split('.')[0]!);
      else visit(child);
    }
  };
  visit(value);
  return found;
}
