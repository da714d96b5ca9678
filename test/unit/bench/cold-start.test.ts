import { describe, expect, it } from 'vitest';
import { contributions, packageOf } from '../../../bench/suites/cold-start.ts';

describe('the cold-start benchmark’s bundle breakdown', () => {
  it('names the package of each esbuild input, scoped or not, and the project for our own files', () => {
    expect(packageOf('node_modules/zod/v4/core/schemas.js')).toBe('zod');
    expect(packageOf('node_modules/@smithy/core/dist-es/index.js')).toBe('@smithy/core');
    expect(packageOf('node_modules/@aws-sdk/client-sqs/node_modules/@smithy/types/index.js')).toBe('@smithy/types');
    expect(packageOf('shared/events/common.ts')).toBe('project');
  });

  it('adds up what each package puts in the bundle, largest first', () => {
    const metafile = {
      outputs: {
        'index.mjs': {
          inputs: {
            'node_modules/zod/a.js': { bytesInOutput: 300 },
            'node_modules/zod/b.js': { bytesInOutput: 200 },
            'functions/x.ts': { bytesInOutput: 100 },
            'node_modules/@smithy/core/c.js': { bytesInOutput: 400 },
          },
        },
      },
    };
    expect(contributions(metafile)).toEqual([
      ['zod', 500],
      ['@smithy/core', 400],
      ['project', 100],
    ]);
  });
});
