import { afterEach, describe, expect, it } from 'vitest';
import { decide } from '../../src/core/evaluate/decide.js';
import { loadRuleset, RulesetContradictionError } from '../../src/core/index.js';
import { findContradictions } from '../../src/core/ruleset/contradictions.js';
import { ruleset } from '../support/advisor.js';
import { copyRules } from '../support/rules-dir.js';

let rules: ReturnType<typeof copyRules> | undefined;
afterEach(() => rules?.cleanup());

const byName = (name: string) => {
  const rule = ruleset.rules.find((candidate) => candidate.name === name);
  if (!rule) throw new Error(`no rule ${name}`);
  return rule;
};

describe('contradictions between rules', () => {
  it('finds none in the bundled ruleset (every co-firing set of same-priority constraints leaves a chip)', () => {
    expect(findContradictions(ruleset)).toEqual([]);
  });

  it('refuses two same-priority constraints that can fire together with nothing in common', () => {
    rules = copyRules();
    rules.edit('when-nvidia-is-required.json', (json) => {
      json.rules[0].event.params.require = ['trainium'];
    });
    let error: unknown;
    try {
      loadRuleset(rules.dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RulesetContradictionError);
    const message = (error as Error).message.replaceAll(rules.dir, '<rules>');
    expect(message).toContain('contradictory constraints at priority 100');
    expect(message).toContain('rules[0] ("novel-architecture-needs-cuda", requires trainium)');
    expect(message).toMatch(/for example .*needsCustomCuda=true/);
  });

  it('accepts the same pair once one of them has a different priority: the higher one wins', () => {
    rules = copyRules();
    rules.edit('when-nvidia-is-required.json', (json) => {
      json.rules[0].event.params.require = ['trainium'];
      json.rules[0].priority = 90;
    });
    expect(() => loadRuleset(rules?.dir)).not.toThrow();
  });

  it('accepts constraints that never fire together, even when they allow disjoint chips', () => {
    // Groq only (for complex reasoning on AWS) and training-chip-fit share no chip, but one
    // needs an inference workload and the other a training one, so they never fire together.
    rules = copyRules();
    rules.edit('when-nvidia-is-required.json', (json) => {
      json.rules[2].event.params.require = ['nvidia-groq-rubin'];
      json.rules[2].conditions.all.push({
        fact: 'cloudStrategy',
        operator: 'equal',
        value: 'aws-only',
      });
    });
    expect(() => loadRuleset(rules?.dir)).not.toThrow();
  });
});

describe('how the ruleset resolves competing rules', () => {
  it('applies constraints before points: a ruled-out chip ranks below allowed ones whatever its points', () => {
    const decision = decide(ruleset, [
      byName('inference-spend-over-threshold'),
      byName('aws-spend-over-threshold'),
      byName('multi-cloud-needs-portability'),
      byName('inference-chip-fit'),
    ]);
    expect(decision.ranking.map((s) => [s.chip.id, s.eligible, s.points])).toEqual([
      ['nvidia-blackwell-rubin', true, 0],
      ['inferentia', false, 4],
      ['trainium', false, 2],
      ['nvidia-groq-rubin', false, 0],
    ]);
  });

  it('sets aside a lower-priority constraint that would leave no chip, and says so', () => {
    const custom = {
      ...byName('novel-architecture-needs-cuda'),
      name: 'only-trainium',
      priority: 10,
      event: {
        ...byName('novel-architecture-needs-cuda').event,
        params: { ...byName('novel-architecture-needs-cuda').event.params, require: ['trainium'] },
      },
    } as ReturnType<typeof byName>;
    const decision = decide(ruleset, [byName('inference-chip-fit'), custom]);
    expect(decision.overridden.map((rule) => rule.name)).toEqual(['only-trainium']);
    expect(decision.ranking[0]?.chip.id).toBe('nvidia-blackwell-rubin');
  });

  it('adds up preferences that pull different ways at the same priority', () => {
    const decision = decide(ruleset, [
      byName('training-chip-fit'),
      byName('training-spend-under-threshold'), // +5 Blackwell/Rubin, −5 Trainium (priority 50)
      byName('cost-sensitive-training'), // +2 Trainium (priority 50)
    ]);
    expect(decision.ranking.slice(0, 2).map((s) => [s.chip.id, s.points])).toEqual([
      ['nvidia-blackwell-rubin', 5],
      ['trainium', -3],
    ]);
  });

  it('breaks a tie in chips.json order, NVIDIA first', () => {
    const decision = decide(ruleset, [byName('training-chip-fit')]);
    expect(decision.ranking[0]?.chip.id).toBe('nvidia-blackwell-rubin');
    expect(decision.ranking[1]?.chip.id).toBe('trainium');
  });
});
