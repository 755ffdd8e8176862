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

const decisionRulesCache = new WeakMap<Ruleset, readonly LoadedRule[]>();

/** The rules that decide (constraints and preferences), not those that only explain. */
export function decisionRules(ruleset: Ruleset): readonly LoadedRule[] {
  let rules = decisionRulesCache.get(ruleset);
  if (!rules) {
    rules = ruleset.rules.filter(
      (rule) => rule.event.type === 'constraint' || rule.event.type === 'preference',
    );
    decisionRulesCache.set(ruleset, rules);
  }
  return rules;
}

/** Everything under `rules/`, validated and cross-checked. Immutable once built. */
export interface Ruleset {
  readonly chips: readonly Chip[];
  readonly article: Article;
  readonly rules: readonly LoadedRule[];
  /**
   * A hash of the bytes of the files it was loaded from (`versionOfRuleFiles`), recorded with
   * every decision; set by `loadRuleset`, absent on a ruleset built in memory.
   */
  readonly version?: string;
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
  const costed = new Set(chips.filter((chip) => chip.cost).map((chip) => chip.id));
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
      for (const [keys, ids] of chipReferences(rule.event)) {
        ids.forEach((id, i) => {
          const path = at('event', 'params', ...keys, keys.at(-1) === 'points' ? id : i);
          if (!chipIds.has(id)) {
            problems.push(
              `${path}: unknown chip "${id}" (chips.json lists ${[...chipIds].join(', ')})`,
            );
          } else if (keys[0] === 'chips' && rule.event.type === 'cost' && !costed.has(id)) {
            problems.push(`${path}: "${id}" has no cost claim in chips.json to quote`);
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

/** Every list of chip ids in a rule's params, with where it is: `[["points"], ids]`. */
function chipReferences(event: RuleEvent): [PropertyKey[], readonly string[]][] {
  const found: [PropertyKey[], readonly string[]][] = [];
  switch (event.type) {
    case 'constraint':
      found.push([['require'], event.params.require]);
      break;
    case 'preference':
      found.push([['points'], Object.keys(event.params.points)]);
      break;
    case 'assessment':
    case 'cost':
      found.push([['chips'], event.params.chips]);
      break;
    case 'next-step':
      break;
  }
  const when = 'when' in event.params ? event.params.when : undefined;
  if (when?.recommended) found.push([['when', 'recommended'], when.recommended]);
  if (when?.realOption) found.push([['when', 'realOption'], when.realOption]);
  if (when?.changeLeadsTo) {
    found.push([['when', 'changeLeadsTo', 'recommends'], when.changeLeadsTo.recommends]);
  }
  return found;
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
