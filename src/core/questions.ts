import {
  type AnswerField,
  CLOUD_STRATEGIES,
  FRAMEWORKS,
  INFERENCE_PROFILES,
  PRIORITIES,
  WORKLOADS,
  type Workload,
} from './answers.js';
import { enumOptions, fromSchema, type Question, yesNo } from './question.js';

export type { Question, QuestionKind, QuestionOption } from './question.js';

const spend = fromSchema('monthlySpendUsd');
const peak = fromSchema('chipCount');
const name = fromSchema('workloadName');

/**
 * The questionnaire, in the order it is asked. This one list drives the Slack modal, the
 * terminal prompts, validation messages and the wording of "what would change the answer".
 */
export const QUESTIONS: readonly Question[] = [
  {
    ...name,
    kind: 'text',
    label: 'Workload name',
    short: 'Workload',
    help: 'Optional label shown in the summary, e.g. "search ranking model".',
    expects: `a name of 1 to ${name.maxLength} characters`,
    placeholder: 'e.g. search ranking model',
    whatIf: false,
  },
  {
    ...fromSchema('workload'),
    kind: 'single',
    label: 'What will the accelerators do?',
    short: 'Workload type',
    help: 'AWS built Trainium for training and Inferentia for inference; NVIDIA covers both.',
    expects: 'one of "training" or "inference"',
    options: enumOptions(WORKLOADS, {
      training: ['Training (build or fine-tune models)', 'this were a training workload'],
      inference: ['Inference (serve models)', 'this were an inference workload'],
    }),
    whatIf: false,
  },
  {
    ...fromSchema('inferenceProfile'),
    kind: 'single',
    label: 'What kind of inference is it?',
    short: 'Inference profile',
    help: 'Commodity serving suits Inferentia; agentic AI, long-context reasoning and real-time generation call for NVIDIA Groq + Rubin.',
    expects: 'one of "commodity" or "complex-reasoning"',
    options: enumOptions(INFERENCE_PROFILES, {
      commodity: ['Commodity (high-throughput serving)', 'the inference were commodity serving'],
      'complex-reasoning': [
        'Complex reasoning (agentic, long-context, real-time)',
        'the inference were complex reasoning or agentic AI',
      ],
    }),
    whatIf: false,
  },
  {
    ...spend,
    kind: 'number',
    label: 'Expected monthly accelerator spend (US dollars)',
    short: 'Monthly spend',
    help: 'The article puts the break-even for AWS custom silicon at about $10,000 a month; below it, NVIDIA flexibility wins.',
    expects: `a number of dollars, ${spend.min} or more`,
    unit: 'usd',
    noun: 'monthly spend',
    placeholder: 'e.g. 25000',
    whatIf: true,
  },
  {
    ...fromSchema('frameworks'),
    kind: 'multi',
    label: 'Which frameworks does the code base use?',
    short: 'Frameworks',
    help: 'Trainium and Inferentia work best with standard PyTorch or JAX code bases.',
    expects: 'a list of one or more of "pytorch", "jax", "tensorflow", "other", each once',
    // Porting code to PyTorch/JAX is a real option; adding TensorFlow to get a chip is not.
    options: enumOptions(FRAMEWORKS, {
      pytorch: ['PyTorch', 'PyTorch'],
      jax: ['JAX', 'JAX'],
      tensorflow: ['TensorFlow', 'TensorFlow', false],
      other: ['Other', 'another framework', false],
    }),
    noun: 'the code base used',
    whatIf: true,
  },
  {
    ...fromSchema('needsCustomCuda'),
    kind: 'boolean',
    label: 'Does it rely on custom CUDA kernels or a novel architecture that needs CUDA?',
    short: 'Custom CUDA',
    help: 'Novel architectures that need CUDA operations are the first item on the article\'s "NVIDIA is required" list.',
    expects: 'true or false',
    options: yesNo('you relied on custom CUDA kernels', 'you had no custom CUDA kernels'),
    whatIf: false,
  },
  {
    ...fromSchema('cloudStrategy'),
    kind: 'single',
    label: 'Where will it run?',
    short: 'Cloud strategy',
    help: 'AWS custom chips only run on AWS; multi-cloud or hybrid plans need NVIDIA for portability.',
    expects: 'one of "aws-only", "multi-cloud" or "hybrid"',
    options: enumOptions(CLOUD_STRATEGIES, {
      'aws-only': ['AWS only', 'you ran on AWS only'],
      'multi-cloud': ['Multi-cloud (AWS plus Azure, GCP, ...)', 'you ran on several clouds'],
      hybrid: ['Hybrid (cloud plus on-prem)', 'you ran on cloud plus on-prem'],
    }),
    whatIf: true,
  },
  {
    ...fromSchema('acceptsAwsLockIn'),
    kind: 'boolean',
    label: 'Would you accept AWS lock-in in exchange for lower cost?',
    short: 'Accepts AWS lock-in',
    help: 'AWS-native architectures tie you to Trainium/Inferentia; NVIDIA keeps an exit to Azure, GCP or on-prem.',
    expects: 'true or false',
    options: yesNo('you accepted AWS lock-in', 'you ruled out AWS lock-in'),
    whatIf: true,
  },
  {
    ...fromSchema('priority'),
    kind: 'single',
    label: 'What matters most?',
    short: 'Priority',
    help: 'Custom silicon is a cost tool; maximum performance regardless of cost calls for NVIDIA.',
    expects: 'one of "cost", "balanced" or "performance"',
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
    ...peak,
    kind: 'number',
    label: 'How many accelerators at peak? (optional)',
    short: 'Accelerators at peak',
    help: 'Trainium is proven for transformer training at 100+ chips.',
    expects: `a whole number, ${peak.min} or more`,
    unit: 'chips',
    noun: 'peak accelerator count',
    placeholder: 'e.g. 128',
    whatIf: true,
  },
  {
    ...fromSchema('awsNeuronExperience'),
    kind: 'boolean',
    label: 'Does the team already know AWS Neuron? (optional)',
    short: 'AWS Neuron experience',
    help: 'Trainium/Inferentia need AWS-specific expertise; CUDA has 15+ years of tooling and community.',
    expects: 'true or false',
    // A team can learn Neuron; it does not unlearn it.
    options: yesNo('the team knew AWS Neuron', 'the team had no AWS Neuron experience', 'no'),
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
