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

/** A rule file's JSON as `copyRules().edit` hands it over (loose: tests break it on purpose). */
type RuleFileJson = Parameters<Parameters<ReturnType<typeof copyRules>['edit']>[1]>[0];

describe('explanations that state when they are true', () => {
  const stepIndex = (json: RuleFileJson, name: string): number =>
    json.rules.findIndex((rule: { name: string }) => rule.name === name);

  it.each([
    [
      'an unknown placeholder in a cost note',
      'cost-notes.json',
      (json: RuleFileJson) => {
        json.rules[0].event.params.text = 'Estimate: {chip} saves {savings} a month, roughly.';
      },
      'cost-notes.json: rules[0] ("saving-of-recommended-aws-chip").event.params.text: unknown placeholder {savings}',
    ],
    [
      '{blockers} in a note about a chip that is not ruled out',
      'cost-notes.json',
      (json: RuleFileJson) => {
        json.rules[0].event.params.text = 'Estimate: {chip} is held back by {blockers} here.';
      },
      'event.params.text: {blockers} is only known for a ruled-out chip',
    ],
    [
      'a cost note quoting a chip without a cost claim',
      'cost-notes.json',
      (json: RuleFileJson) => {
        json.rules[0].event.params.chips = ['nvidia-groq-rubin'];
      },
      'cost-notes.json: rules[0] ("saving-of-recommended-aws-chip").event.params.chips[0]: "nvidia-groq-rubin" has no cost claim in chips.json to quote',
    ],
    [
      'a promised change of an answer that describes the work',
      'next-steps.json',
      (json: RuleFileJson) => {
        const step = json.rules[stepIndex(json, 'revisit-at-threshold')];
        step.event.params.when.changeLeadsTo.change = {
          fact: 'needsCustomCuda',
          operator: 'equal',
          value: false,
        };
      },
      'event.params.when.changeLeadsTo.change.fact: needsCustomCuda describes the work, not a choice a person could change',
    ],
    [
      'a promised change to a value never suggested',
      'next-steps.json',
      (json: RuleFileJson) => {
        const step = json.rules[stepIndex(json, 'revisit-at-threshold')];
        step.event.params.when.changeLeadsTo.change = {
          fact: 'awsNeuronExperience',
          operator: 'equal',
          value: false,
        };
      },
      'event.params.when.changeLeadsTo.change.value: false is never suggested as a change of awsNeuronExperience',
    ],
    [
      'a promised change that names no one value',
      'next-steps.json',
      (json: RuleFileJson) => {
        const step = json.rules[stepIndex(json, 'revisit-at-threshold')];
        step.event.params.when.changeLeadsTo.change.operator = 'notEqual';
      },
      'event.params.when.changeLeadsTo.change.operator: a promised change uses equal, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, not notEqual',
    ],
    [
      'an empty when',
      'next-steps.json',
      (json: RuleFileJson) => {
        json.rules[0].event.params.when = {};
      },
      'rules[0] ("measure-tco-across-both").event.params.when: give at least one of recommended, realOption, changeLeadsTo',
    ],
    [
      'an unknown chip in when.recommended',
      'next-steps.json',
      (json: RuleFileJson) => {
        json.rules[0].event.params.when = { recommended: ['tpu'] };
      },
      'rules[0] ("measure-tco-across-both").event.params.when.recommended[0]: unknown chip "tpu"',
    ],
  ])('refuses %s, naming the file and path', (_name, file, change, expected) => {
    rules = copyRules();
    rules.edit(file, change);
    expect(refusal()).toContain(expected);
  });
});
