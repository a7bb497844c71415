import { describe, expect, it } from 'vitest';
import { contractProblems } from './contract.js';
import { fixtureComparison } from './fixture-comparison.js';

// The checker itself must catch what it claims to, or the API tests prove nothing.
describe('contractProblems', () => {
  it('accepts a conforming comparison', () => {
    expect(contractProblems(fixtureComparison())).toEqual([]);
  });

  it('finds a body sentence that is missing or counted twice', () => {
    const missing = fixtureComparison();
    missing.leftOnly = [];
    expect(contractProblems(missing)).toContain('left body sentence 2 appears 0 times');
    const twice = fixtureComparison();
    twice.rightOnly = [0, 1];
    expect(contractProblems(twice)).toContain('right sentence 1 appears 2 times');
  });

  it('finds bad codes and counts', () => {
    const c = fixtureComparison() as unknown as { summary: { agree: number }; alignments: { relation: string }[] };
    c.summary.agree = 5;
    const first = c.alignments[0];
    if (first) first.relation = 'similar';
    const problems = contractProblems(c);
    expect(problems).toContain('alignments[0].relation is similar');
    expect(problems).toContain('summary.agree is 5, counted 0');
  });
});
