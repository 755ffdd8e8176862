import {
  type AnswerField,
  CLOUD_STRATEGIES,
  FRAMEWORKS,
  INFERENCE_PROFILES,
  PRIORITIES,
  WORKLOADS,
  type Workload,
} from './answers.js';

/** How a question is asked: the modal and the terminal both map these onto answer values. */
export type QuestionKind = 'text' | 'single' | 'multi' | 'boolean' | 'number';

export interface QuestionOption {
  /** The answer value (enum value; `"true"`/`"false"` for booleans). */
  readonly value: string;
  /** Short label, at most 75 characters (Slack's option text limit). */
  readonly label: string;
  /** How the value reads inside "If ..., X would be recommended". */
  readonly ifPhrase: string;
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
  /** Whether "what would change the answer" may suggest a different value here. */
  readonly whatIf: boolean;
  /** Numbers and multi-selects: the subject of an if-phrase, e.g. "monthly spend". */
  readonly noun?: string;
}

const yesNo = (yes: string, no: string): QuestionOption[] => [
  { value: 'true', label: 'Yes', ifPhrase: yes },
  { value: 'false', label: 'No', ifPhrase: no },
];

function enumOptions<V extends string>(
  values: readonly V[],
  labels: Record<V, [label: string, ifPhrase: string]>,
): QuestionOption[] {
  return values.map((value) => ({ value, label: labels[value][0], ifPhrase: labels[value][1] }));
}

/**
 * The questionnaire, in the order it is asked. This one list drives the Slack modal, the
 * terminal prompts, validation messages and the wording of "what would change the answer".
 */
export const QUESTIONS: readonly Question[] = [
  {
    field: 'workloadName',
    kind: 'text',
    label: 'Workload name',
    short: 'Workload',
    help: 'Optional label shown in the summary, e.g. "search ranking model".',
    expects: 'a name of 1 to 80 characters',
    required: false,
    maxLength: 80,
    placeholder: 'e.g. search ranking model',
    whatIf: false,
  },
  {
    field: 'workload',
    kind: 'single',
    label: 'What will the accelerators do?',
    short: 'Workload type',
    help: 'AWS built Trainium for training and Inferentia for inference; NVIDIA covers both.',
    expects: 'one of "training" or "inference"',
    required: true,
    options: enumOptions(WORKLOADS, {
      training: ['Training (build or fine-tune models)', 'this were a training workload'],
      inference: ['Inference (serve models)', 'this were an inference workload'],
    }),
    whatIf: false,
  },
  {
    field: 'inferenceProfile',
    kind: 'single',
    label: 'What kind of inference is it?',
    short: 'Inference profile',
    help: 'Commodity serving suits Inferentia; agentic AI, long-context reasoning and real-time generation call for NVIDIA Groq + Rubin.',
    expects: 'one of "commodity" or "complex-reasoning"',
    required: true,
    appliesTo: ['inference'],
    options: enumOptions(INFERENCE_PROFILES, {
      commodity: ['Commodity (high-throughput serving)', 'the inference were commodity serving'],
      'complex-reasoning': [
        'Complex reasoning (agentic, long-context, real-time)',
        'the inference were complex reasoning or agentic AI',
      ],
    }),
    whatIf: true,
  },
  {
    field: 'monthlySpendUsd',
    kind: 'number',
    label: 'Expected monthly accelerator spend (US dollars)',
    short: 'Monthly spend',
    help: 'The article puts the break-even for AWS custom silicon at about $10,000 a month; below it, NVIDIA flexibility wins.',
    expects: 'a number of dollars, 0 or more',
    required: true,
    min: 0,
    unit: 'usd',
    noun: 'monthly spend',
    placeholder: 'e.g. 25000',
    whatIf: true,
  },
  {
    field: 'frameworks',
    kind: 'multi',
    label: 'Which frameworks does the code base use?',
    short: 'Frameworks',
    help: 'Trainium and Inferentia work best with standard PyTorch or JAX code bases.',
    expects: 'a list of one or more of "pytorch", "jax", "tensorflow", "other", each once',
    required: true,
    options: enumOptions(FRAMEWORKS, {
      pytorch: ['PyTorch', 'PyTorch'],
      jax: ['JAX', 'JAX'],
      tensorflow: ['TensorFlow', 'TensorFlow'],
      other: ['Other', 'another framework'],
    }),
    noun: 'the code base used',
    whatIf: true,
  },
  {
    field: 'needsCustomCuda',
    kind: 'boolean',
    label: 'Does it rely on custom CUDA kernels or a novel architecture that needs CUDA?',
    short: 'Custom CUDA',
    help: 'Novel architectures that need CUDA operations are the first item on the article\'s "NVIDIA is required" list.',
    expects: 'true or false',
    required: true,
    options: yesNo('you relied on custom CUDA kernels', 'you had no custom CUDA kernels'),
    whatIf: true,
  },
  {
    field: 'cloudStrategy',
    kind: 'single',
    label: 'Where will it run?',
    short: 'Cloud strategy',
    help: 'AWS custom chips only run on AWS; multi-cloud or hybrid plans need NVIDIA for portability.',
    expects: 'one of "aws-only", "multi-cloud" or "hybrid"',
    required: true,
    options: enumOptions(CLOUD_STRATEGIES, {
      'aws-only': ['AWS only', 'you ran on AWS only'],
      'multi-cloud': ['Multi-cloud (AWS plus Azure, GCP, ...)', 'you ran on several clouds'],
      hybrid: ['Hybrid (cloud plus on-prem)', 'you ran on cloud plus on-prem'],
    }),
    whatIf: true,
  },
  {
    field: 'acceptsAwsLockIn',
    kind: 'boolean',
    label: 'Would you accept AWS lock-in in exchange for lower cost?',
    short: 'Accepts AWS lock-in',
    help: 'AWS-native architectures tie you to Trainium/Inferentia; NVIDIA keeps an exit to Azure, GCP or on-prem.',
    expects: 'true or false',
    required: true,
    options: yesNo('you accepted AWS lock-in', 'you ruled out AWS lock-in'),
    whatIf: true,
  },
  {
    field: 'priority',
    kind: 'single',
    label: 'What matters most?',
    short: 'Priority',
    help: 'Custom silicon is a cost tool; maximum performance regardless of cost calls for NVIDIA.',
    expects: 'one of "cost", "balanced" or "performance"',
    required: true,
    options: enumOptions(PRIORITIES, {
      cost: ['Lowest cost', 'cost were the priority'],
      balanced: ['Balance cost and performance', 'cost and performance were balanced'],
      performance: [
        'Maximum performance, regardless of cost',
        'you needed maximum performance regardless of cost',
      ],
    }),
    whatIf: true,
  },
  {
    field: 'chipCount',
    kind: 'number',
    label: 'How many accelerators at peak? (optional)',
    short: 'Accelerators at peak',
    help: 'Trainium is proven for transformer training at 100+ chips.',
    expects: 'a whole number, 1 or more',
    required: false,
    appliesTo: ['training'],
    integer: true,
    min: 1,
    unit: 'chips',
    noun: 'peak accelerator count',
    placeholder: 'e.g. 128',
    whatIf: true,
  },
  {
    field: 'awsNeuronExperience',
    kind: 'boolean',
    label: 'Does the team already know AWS Neuron? (optional)',
    short: 'AWS Neuron experience',
    help: 'Trainium/Inferentia need AWS-specific expertise; CUDA has 15+ years of tooling and community.',
    expects: 'true or false',
    required: false,
    options: yesNo('the team knew AWS Neuron', 'the team had no AWS Neuron experience'),
    whatIf: true,
  },
];

const byField = new Map(QUESTIONS.map((question) => [question.field, question]));

/** The catalog entry for a field. */
export function questionFor(field: AnswerField): Question {
  const question = byField.get(field);
  if (!question) throw new Error(`no question for answer field ${field}`);
  return question;
}

/** The answer whose value decides which other questions apply (see {@link appliesTo}). */
export const WORKLOAD_FIELD = 'workload' satisfies AnswerField;

/** Whether a question is asked for the given workload kind (undefined: not chosen yet). */
export function appliesTo(question: Question, workload: Workload | undefined): boolean {
  if (!question.appliesTo) return true;
  return workload !== undefined && question.appliesTo.includes(workload);
}
