/** One question of the catalog: its shape, and the helpers that build catalog entries. */
import { z } from 'zod';
import { type AnswerField, fieldSchemas, WORKLOAD_SPECIFIC, type Workload } from './answers.js';

/** How a question is asked: the modal and the terminal both map these onto answer values. */
export type QuestionKind = 'text' | 'single' | 'multi' | 'boolean' | 'number';

export interface QuestionOption {
  /** The answer value (enum value; `"true"`/`"false"` for booleans). */
  readonly value: string;
  /** Short label, at most 75 characters (Slack's option text limit). */
  readonly label: string;
  /** How the value reads inside "If ..., X would be recommended". */
  readonly ifPhrase: string;
  /**
   * False when "what would change the answer" must never suggest moving to (or, in a list,
   * adding) this value: nobody adopts TensorFlow or forgets AWS Neuron to get another chip.
   */
  readonly whatIf?: false;
}

export interface Question {
  readonly field: AnswerField;
  readonly kind: QuestionKind;
  /** The question as asked (modal labels allow 2000 characters; keep it one line). */
  readonly label: string;
  /** Short name for summaries and tables. */
  readonly short: string;
  /** Help text in the article's framing (modal hint, terminal help line). */
  readonly help: string;
  /** What a valid answer looks like, for error messages: "must be <expects>". */
  readonly expects: string;
  readonly required: boolean;
  /** Workload kinds the question applies to; absent means every workload. */
  readonly appliesTo?: readonly Workload[];
  readonly options?: readonly QuestionOption[];
  /** Numbers only: whole numbers, lowest value, and how the value is written. */
  readonly integer?: boolean;
  readonly min?: number;
  readonly unit?: 'usd' | 'chips';
  /** Text only: longest answer. */
  readonly maxLength?: number;
  readonly placeholder?: string;
  /**
   * Whether the answer is a choice a person could make differently (strategy, priority, spend,
   * porting code), so "what would change the answer" may suggest another value. False for
   * answers that describe the work itself (training or inference, the kind of inference, custom
   * CUDA): a chip ruled out by those is no option at all for this workload.
   */
  readonly whatIf: boolean;
  /** Numbers and multi-selects: the subject of an if-phrase, e.g. "monthly spend". */
  readonly noun?: string;
}

/** What the answers schema fixes about a question. */
export type SchemaFacts = Pick<
  Question,
  'field' | 'required' | 'appliesTo' | 'min' | 'integer' | 'maxLength'
>;

/**
 * What the answers schema already says about a field: whether it is required, which workload
 * kinds it applies to, and its limits. The catalog reads them here rather than restating them.
 */
export function fromSchema(field: AnswerField): SchemaFacts {
  const specific = WORKLOAD_SPECIFIC[field];
  let schema: unknown = fieldSchemas[field];
  if (schema instanceof z.ZodOptional) schema = schema.unwrap();
  const number = schema instanceof z.ZodNumber ? schema : undefined;
  const maxLength = schema instanceof z.ZodString ? schema.maxLength : null;
  return {
    field,
    required: specific?.required ?? !fieldSchemas[field].safeParse(undefined).success,
    ...(specific ? { appliesTo: specific.appliesTo } : {}),
    ...(number ? { min: number.minValue ?? 0 } : {}),
    ...(number?.isInt ? { integer: true } : {}),
    ...(maxLength === null ? {} : { maxLength }),
  };
}

/** Yes/No options with their if-phrases; `never: 'no'` keeps "No" out of what-ifs. */
export function yesNo(yes: string, no: string, never?: 'yes' | 'no'): QuestionOption[] {
  const off = { whatIf: false } as const;
  return [
    { value: 'true', label: 'Yes', ifPhrase: yes, ...(never === 'yes' ? off : {}) },
    { value: 'false', label: 'No', ifPhrase: no, ...(never === 'no' ? off : {}) },
  ];
}

/** Options of an enum, in its order: label, if-phrase and (optionally) `false` for no what-ifs. */
export function enumOptions<V extends string>(
  values: readonly V[],
  labels: Record<V, [label: string, ifPhrase: string, whatIf?: false]>,
): QuestionOption[] {
  return values.map((value) => {
    const [label, ifPhrase, whatIf] = labels[value];
    return { value, label, ifPhrase, ...(whatIf === false ? { whatIf } : {}) };
  });
}
