import { afterEach, describe, expect, it } from 'vitest';
import {
  loadRuleset,
  RulesetContradictionError,
  RulesetInvalidError,
} from '../../src/core/index.js';
import { copyRules } from '../support/rules-dir.js';

let rules: ReturnType<typeof copyRules>;
afterEach(() => rules?.cleanup());

/** Loads the edited copy and returns the error message, relative to the copy's folder. */
function refusal(): string {
  try {
    loadRuleset(rules.dir);
  } catch (error) {
    if (error instanceof RulesetInvalidError || error instanceof RulesetContradictionError) {
      return error.message.replaceAll(rules.dir, '<rules>');
    }
    throw error;
  }
  throw new Error('the ruleset loaded');
}

describe('loading rules/', () => {
  it('loads the bundled rules with every chip the contract names', () => {
    rules = copyRules();
    const ruleset = loadRuleset(rules.dir);
    expect(ruleset.chips.map((chip) => chip.id).sort()).toEqual([
      'inferentia',
      'nvidia-blackwell-rubin',
      'nvidia-groq-rubin',
      'trainium',
    ]);
    expect(ruleset.rules.length).toBeGreaterThan(30);
  });

  it('refuses a file that is not JSON, with line and column', () => {
    rules = copyRules();
    rules.write(
      'checklist.json',
      '{\n  "description": "x",\n  "rules": [\n    { "name": "a", }\n  ]\n}\n',
    );
    expect(refusal()).toMatch(
      /^<rules>\/checklist\.json: is not valid JSON: .+ \(line 4, column \d+\)$/,
    );
  });

  it('names the file and JSON path of an unknown operator', () => {
    rules = copyRules();
    rules.edit('checklist.json', (json) => {
      json.rules[1].conditions.all[1].operator = 'greaterThanOrEqual';
    });
    expect(refusal()).toMatchInlineSnapshot(
      `"<rules>/checklist.json: rules[1] ("inference-spend-over-threshold").conditions.all[1].operator: Invalid option: expected one of "equal"|"notEqual"|"in"|"notIn"|"contains"|"doesNotContain"|"lessThan"|"lessThanInclusive"|"greaterThan"|"greaterThanInclusive""`,
    );
  });

  it('refuses a threshold written as a string, which json-rules-engine would compare as text', () => {
    rules = copyRules();
    rules.edit('checklist.json', (json) => {
      json.rules[1].conditions.all[1].value = '10000';
    });
    expect(refusal()).toMatchInlineSnapshot(
      `"<rules>/checklist.json: rules[1] ("inference-spend-over-threshold").conditions.all[1].value: greaterThan needs a number, got "10000""`,
    );
  });

  it('refuses a condition value that is not one of the answer options', () => {
    rules = copyRules();
    rules.edit('workload-table.json', (json) => {
      json.rules[0].conditions.all[0].value = 'trainig';
    });
    expect(refusal()).toContain(
      'workload-table.json: rules[0] ("training-chip-fit").conditions.all[0].value: must be one of "training", "inference", got "trainig"',
    );
  });

  it('refuses a fact that is not an answer field', () => {
    rules = copyRules();
    rules.edit('checklist.json', (json) => {
      json.rules[2].conditions.all[0].fact = 'cloud';
    });
    expect(refusal()).toContain(
      'checklist.json: rules[2] ("single-cloud-aws").conditions.all[0].fact: Invalid option',
    );
  });

  it('validates event params: points for an unknown chip', () => {
    rules = copyRules();
    rules.edit('checklist.json', (json) => {
      json.rules[1].event.params.points = { inferentai: 2 };
    });
    expect(refusal()).toContain(
      'checklist.json: rules[1] ("inference-spend-over-threshold").event.params.points.inferentai: unknown chip "inferentai"',
    );
  });

  it('validates event params: a source that is not a heading of the article', () => {
    rules = copyRules();
    rules.edit('checklist.json', (json) => {
      json.rules[0].event.params.source = 'The Checklist';
    });
    expect(refusal()).toContain(
      'checklist.json: rules[0] ("training-spend-under-threshold").event.params.source: "The Checklist" is not a section heading of the article',
    );
  });

  it('validates event params: missing rationale text and an unknown event type', () => {
    rules = copyRules();
    rules.edit('checklist.json', (json) => {
      delete json.rules[0].event.params.text;
      json.rules[3].event.type = 'recommend';
    });
    const message = refusal();
    expect(message).toContain('rules[0] ("training-spend-under-threshold").event.params.text');
    expect(message).toContain('rules[3] ("multi-cloud-needs-portability").event.type');
  });

  it('refuses a rule name used twice', () => {
    rules = copyRules();
    rules.edit('checklist.json', (json) => {
      json.rules[1].name = json.rules[0].name;
    });
    expect(refusal()).toContain('rule name "training-spend-under-threshold" is already used');
  });

  it('refuses a rules folder without chips.json', () => {
    rules = copyRules();
    rules.write('chips.json', '{ "description": "none", "chips": [] }');
    expect(refusal()).toContain('chips.json: chips: Too small');
  });

  it('refuses a folder that does not exist', () => {
    rules = copyRules();
    expect(() => loadRuleset(`${rules.dir}/nope`)).toThrow(/cannot read the rules folder/);
  });
});
