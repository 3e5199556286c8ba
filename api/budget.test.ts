import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BUDGET, ResponseBudget, boundedList, budgeted, costLimitRule, estimateCost } from './budget.js';
import { EXAMPLES } from './examples.js';
import { SCHEMA_PATH } from './schema.js';

const schema = buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));
const cost = (query: string) => Math.max(...estimateCost({ getSchema: () => schema, getDocument: () => parse(query) }, Infinity).values());
const refusals = (query: string) => validate(schema, parse(query), [...specifiedRules, costLimitRule()]).map((e) => e.message);

// The probes.
const DEPTH_12 = '{ themes { timeline { measures { responsibilities { department { responsibilities { measure { themes { theme { timeline { measures { id } } } } } } } } } } } }';

describe('the cost estimate', () => {
  it('multiplies list sizes: the depth-12 query of nested lists is refused', () => {
    expect(cost(DEPTH_12)).toBeGreaterThan(BUDGET.maxCost * 100);
    expect(refusals(DEPTH_12).join()).toMatch(/too expensive/);
  });

  it('counts a page size passed as a variable as its maximum', () => {
    const literal = cost('{ measures(first: 10) { nodes { responsibilities { department { name } } themes { theme { name } } } } }');
    const variable = cost('query ($n: Int) { measures(first: $n) { nodes { responsibilities { department { name } } themes { theme { name } } } } }');
    expect(variable).toBeGreaterThan(literal * 15);
    const heavy = 'query ($n: Int) { measures(first: $n) { nodes { document { measures(first: $n) { nodes { id text } } } } } }';
    expect(refusals(heavy).join()).toMatch(/too expensive/);
  });

  it('weighs the whole text of a document: 20 aliases of sourceText are refused', () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: document(id: "d") { sourceText }`).join(' ');
    expect(refusals(`{ ${aliases} }`).join()).toMatch(/too expensive/);
    expect(refusals('{ document(id: "d") { sourceText } }')).toEqual([]);
  });

  it('lets every query of the UI and every example through', () => {
    const files = (readdirSync('ui/src', { recursive: true }) as string[]).filter((f) => f.endsWith('.graphql')).map((f) => path.join('ui/src', f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const document = parse(readFileSync(file, 'utf8'));
      for (const [name, c] of estimateCost({ getSchema: () => schema, getDocument: () => document }, Infinity)) {
        expect(c, `${file} ${name}`).toBeLessThanOrEqual(BUDGET.maxCost);
      }
    }
    for (const example of EXAMPLES) expect(cost(example.query), example.name).toBeLessThanOrEqual(BUDGET.maxCost);
  });

  it('stops early and skips introspection', () => {
    expect(estimateCost({ getSchema: () => schema, getDocument: () => parse(DEPTH_12) }).get('')).toBe(Infinity);
    expect(cost('{ __schema { types { name fields { name args { name } } } } }')).toBe(0);
  });
});

describe('the response budget', () => {
  it('stops a request that resolves too many fields', () => {
    const budget = new ResponseBudget({ maxFields: 3, maxBytes: 1_000 });
    const resolve = budgeted(() => 'x');
    const ctx = { budget };
    for (let i = 0; i < 3; i++) resolve({}, {}, ctx, {} as never);
    expect(() => resolve({}, {}, ctx, {} as never)).toThrow(/more than 3 fields/);
    expect(budget.exceeded).toBe('fields');
  });

  it('stops a request whose values pass the byte limit, also for values that arrive later', async () => {
    const budget = new ResponseBudget({ maxFields: 100, maxBytes: 1_000 });
    const big = '政'.repeat(200); // 600 bytes in UTF-8
    const resolve = budgeted(async () => big);
    await resolve({}, {}, { budget }, {} as never);
    await expect(resolve({}, {}, { budget }, {} as never)).rejects.toMatchObject({ extensions: { code: 'RESPONSE_TOO_LARGE' } });
    expect(() => resolve({}, {}, { budget }, {} as never)).toThrow(/larger than/);
  });
});

describe('filter lists', () => {
  it('accept up to the cap and refuse more with BAD_USER_INPUT', () => {
    expect(boundedList(['a'], 'filter.themes')).toEqual(['a']);
    expect(boundedList([], 'filter.themes')).toBeNull();
    const many = Array.from({ length: 20_000 }, (_, i) => `主题${i}`);
    expect(() => boundedList(many, 'filter.themes')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });
});
