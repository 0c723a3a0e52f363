import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiTypes } from '../../src/cli/contracts.ts';

describe('the API contract', () => {
  it('is the one generated from the OpenAPI document: run `npm run contracts` after changing a schema', async () => {
    const committed = readFileSync(new URL('../../packages/contracts/src/api.ts', import.meta.url), 'utf8');
    expect(await apiTypes()).toBe(committed);
  });
});
