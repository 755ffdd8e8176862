import { formatPath } from '../answer-issues.js';
import { RulesetInvalidError } from '../errors.js';
import { compileCondition, leavesOf, type Predicate } from './compile.js';
import type { Article, Chip, Condition, RuleEvent, RuleJson } from './schema.js';

/** A rule as loaded: its JSON, where it came from, and a compiled copy of its conditions. */
export interface LoadedRule {
  readonly name: string;
  readonly priority: number;
  readonly conditions: Condition;
  readonly event: RuleEvent;
  /** File the rule came from, as shown in messages (e.g. `rules/checklist.json`). */
  readonly file: string;
  /** Position in that file's `rules` array. */
  readonly index: number;
  /** Answer fields the conditions read. */
  readonly facts: ReadonlySet<string>;
  /** The conditions as a synchronous predicate (same semantics as json-rules-engine). */
  readonly test: Predicate;
}

/** The chips a constraint allows (its `require` list); empty for every other kind of rule. */
export function requiredChips(rule: LoadedRule): readonly string[] {
  return rule.event.type === 'constraint' ? rule.event.params.require : [];
}

/** Everything under `rules/`, validated and cross-checked. Immutable once built. */
export interface Ruleset {
  readonly chips: readonly Chip[];
  readonly article: Article;
  readonly rules: readonly LoadedRule[];
}

export interface RuleFile {
  readonly file: string;
  readonly rules: readonly RuleJson[];
}

/**
 * Cross-checks parsed files: chip ids and article headings must exist, rule names must be
 * unique. Problems are reported per file with the JSON path of the offending value.
 */
export function buildRuleset(
  chips: readonly Chip[],
  article: Article,
  ruleFiles: readonly RuleFile[],
  chipsFile = 'rules/chips.json',
): Ruleset {
  const headings = new Set(article.sections.map((section) => section.heading));
  const chipIds = new Set(chips.map((chip) => chip.id));
  const chipProblems = [
    ...duplicates(chips.map((chip) => chip.id)).map(
      (id) => `chips: chip id "${id}" is listed twice`,
    ),
    ...chips.flatMap((chip, index) => [
      ...unknownHeading(headings, chip.source, formatPath(['chips', index, 'source'])),
      ...(chip.cost
        ? unknownHeading(headings, chip.cost.source, formatPath(['chips', index, 'cost', 'source']))
        : []),
    ]),
  ];
  if (chipProblems.length > 0) throw new RulesetInvalidError(chipsFile, chipProblems);

  const seen = new Map<string, string>();
  const rules: LoadedRule[] = [];
  for (const { file, rules: jsonRules } of ruleFiles) {
    const problems: string[] = [];
    jsonRules.forEach((rule, index) => {
      // Paths name the rule too: rules[3] ("inference-spend-over-threshold").event.params.source
      const where = `rules[${index}] ("${rule.name}")`;
      const at = (...rest: PropertyKey[]) => `${where}.${formatPath(rest)}`;
      const earlier = seen.get(rule.name);
      if (earlier)
        problems.push(`${where}: rule name "${rule.name}" is already used in ${earlier}`);
      seen.set(rule.name, file);
      const params = rule.event.params;
      problems.push(...unknownHeading(headings, params.source, at('event', 'params', 'source')));
      if ('seeAlso' in params && params.seeAlso) {
        params.seeAlso.forEach((heading, i) => {
          problems.push(...unknownHeading(headings, heading, at('event', 'params', 'seeAlso', i)));
        });
      }
      for (const [key, ids] of chipReferences(rule.event)) {
        ids.forEach((id, i) => {
          if (!chipIds.has(id)) {
            const path = at('event', 'params', key, key === 'points' ? id : i);
            problems.push(
              `${path}: unknown chip "${id}" (chips.json lists ${[...chipIds].join(', ')})`,
            );
          }
        });
      }
      rules.push({
        name: rule.name,
        priority: rule.priority,
        conditions: rule.conditions,
        event: rule.event,
        file,
        index,
        facts: new Set(leavesOf(rule.conditions).map((leaf) => leaf.fact)),
        test: compileCondition(rule.conditions),
      });
    });
    if (problems.length > 0) throw new RulesetInvalidError(file, problems);
  }
  return { chips, article, rules };
}

function chipReferences(event: RuleEvent): [string, string[]][] {
  switch (event.type) {
    case 'constraint':
      return [['require', event.params.require]];
    case 'preference':
      return [['points', Object.keys(event.params.points)]];
    case 'assessment':
      return [['chips', event.params.chips]];
    case 'next-step':
      return event.params.forChips ? [['forChips', event.params.forChips]] : [];
  }
}

function unknownHeading(headings: ReadonlySet<string>, heading: string, path: string) {
  if (headings.has(heading)) return [];
  return [
    `${path}: "${heading}" is not a section heading of the article (article.json lists: ${[...headings].map((h) => `"${h}"`).join(', ')})`,
  ];
}

function duplicates(values: readonly string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}
