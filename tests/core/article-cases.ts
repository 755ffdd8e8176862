import type { Answers } from '../../src/core/index.js';
import { AWS_FRIENDLY_INFERENCE, AWS_FRIENDLY_TRAINING } from '../support/advisor.js';

/**
 * One named case per line of the article that the rules encode: the table rows, the checklist
 * items, both "when" lists and the finance leader's decision guide. Each names the article line,
 * the answers (a base plus changes), the chip the article leads to, and rules that must fire.
 */
export interface ArticleCase {
  readonly section: string;
  readonly line: string;
  readonly base: Answers;
  readonly changes: Record<string, unknown>;
  readonly expected: string;
  readonly fires: readonly string[];
}

const T = 'The Enterprise Decision Framework: Custom vs NVIDIA';
const C = 'Your AI Infrastructure Checklist';
const W = 'When Trainium/Inferentia Work';
const N = 'When NVIDIA Is Required';
const F = 'finance leader Decision Guide';
const X = 'Flexibility vs Efficiency Trade-Off';
const A = 'Why AWS Still Needs NVIDIA (Despite Custom Chips)';
const WATCH = 'What to Watch Next';
const train = AWS_FRIENDLY_TRAINING;
const infer = AWS_FRIENDLY_INFERENCE;

export const ARTICLE_CASES: readonly ArticleCase[] = [
  // The workload-type table
  {
    section: T,
    line: 'Cost-sensitive training → AWS Trainium',
    base: train,
    changes: { priority: 'cost' },
    expected: 'trainium',
    fires: ['cost-sensitive-training', 'training-chip-fit'],
  },
  {
    section: T,
    line: 'Performance-critical training → NVIDIA Blackwell/Rubin',
    base: train,
    changes: { priority: 'performance' },
    expected: 'nvidia-blackwell-rubin',
    fires: ['performance-critical-training', 'maximum-performance'],
  },
  {
    section: T,
    line: 'Commodity inference → AWS Inferentia',
    base: infer,
    changes: {},
    expected: 'inferentia',
    fires: ['commodity-inference', 'inference-chip-fit'],
  },
  {
    section: T,
    line: 'Complex reasoning inference → NVIDIA Groq + Rubin',
    base: infer,
    changes: { inferenceProfile: 'complex-reasoning' },
    expected: 'nvidia-groq-rubin',
    fires: ['complex-reasoning-inference'],
  },
  {
    section: T,
    line: 'Multi-cloud deployments → NVIDIA (any cloud), training',
    base: train,
    changes: { cloudStrategy: 'multi-cloud' },
    expected: 'nvidia-blackwell-rubin',
    fires: ['multi-cloud-deployments'],
  },
  {
    section: T,
    line: 'Multi-cloud deployments → NVIDIA (any cloud): complex reasoning too, as Groq is not on every cloud yet',
    base: infer,
    changes: { inferenceProfile: 'complex-reasoning', cloudStrategy: 'multi-cloud' },
    expected: 'nvidia-blackwell-rubin',
    fires: [
      'multi-cloud-needs-portability',
      'complex-reasoning-needs-nvidia',
      'groq-where-it-fits',
    ],
  },
  {
    section: T,
    line: 'Multi-cloud deployments → NVIDIA (any cloud), inference',
    base: infer,
    changes: { cloudStrategy: 'multi-cloud' },
    expected: 'nvidia-blackwell-rubin',
    fires: ['multi-cloud-deployments', 'multi-cloud-needs-portability'],
  },

  // Your AI Infrastructure Checklist
  {
    section: C,
    line: 'Training <$10K/month? Start with NVIDIA (flexibility)',
    base: train,
    changes: { monthlySpendUsd: 8_000 },
    expected: 'nvidia-blackwell-rubin',
    fires: ['training-spend-under-threshold', 'small-savings-risk'],
  },
  {
    section: C,
    line: 'Training <$10K/month? Start with NVIDIA, even cost-first at 100+ chips with Neuron experience',
    base: train,
    changes: { monthlySpendUsd: 0, priority: 'cost', chipCount: 100, awsNeuronExperience: true },
    expected: 'nvidia-blackwell-rubin',
    fires: [
      'training-spend-under-threshold',
      'transformer-training-at-scale',
      'revisit-at-threshold',
    ],
  },
  {
    section: C,
    line: 'Inference >$10K/month? Evaluate Trainium/Inferentia',
    base: infer,
    changes: { monthlySpendUsd: 20_000 },
    expected: 'inferentia',
    fires: ['inference-spend-over-threshold'],
  },
  {
    section: C,
    line: 'Single-cloud AWS? Custom chips viable',
    base: train,
    changes: {},
    expected: 'trainium',
    fires: ['single-cloud-aws'],
  },
  {
    section: C,
    line: 'Multi-cloud or hybrid? NVIDIA required for portability',
    base: train,
    changes: { cloudStrategy: 'hybrid' },
    expected: 'nvidia-blackwell-rubin',
    fires: ['multi-cloud-needs-portability', 'multi-cloud-lock-in-risk'],
  },
  {
    section: C,
    line: 'AWS-native architectures lock you into Trainium/Inferentia',
    base: infer,
    changes: { acceptsAwsLockIn: true },
    expected: 'inferentia',
    fires: ['aws-lock-in-accepted', 'keep-an-exit'],
  },
  {
    section: C,
    line: 'NVIDIA provides exit strategy (move to Azure/GCP/on-prem)',
    base: infer,
    changes: { acceptsAwsLockIn: false },
    expected: 'nvidia-blackwell-rubin',
    fires: ['aws-lock-in-ruled-out', 'unwanted-lock-in-risk'],
  },
  {
    section: C,
    line: 'CUDA has 15+ years of tooling, libraries, community support',
    base: train,
    changes: { awsNeuronExperience: false },
    expected: 'trainium',
    fires: ['no-neuron-experience', 'neuron-expertise-missing', 'plan-neuron-skills'],
  },
  {
    section: C,
    line: 'Trainium/Inferentia require AWS-specific expertise',
    base: infer,
    changes: { awsNeuronExperience: true },
    expected: 'inferentia',
    fires: ['neuron-experience', 'neuron-expertise-available'],
  },

  // When Trainium/Inferentia Work
  {
    section: W,
    line: 'PyTorch/JAX codebases (standard frameworks)',
    base: train,
    changes: { frameworks: ['jax'] },
    expected: 'trainium',
    fires: ['standard-frameworks', 'benchmark-before-migrating'],
  },
  {
    section: W,
    line: 'Transformer training at 100+ chip scale',
    base: train,
    changes: { chipCount: 256 },
    expected: 'trainium',
    fires: ['transformer-training-at-scale'],
  },
  {
    section: W,
    line: 'Cost-sensitive workloads (inference >$10K/month)',
    base: infer,
    changes: { priority: 'cost', monthlySpendUsd: 30_000 },
    expected: 'inferentia',
    fires: ['cost-sensitive-workload', 'inference-spend-over-threshold', 'gpu-cost-premium-risk'],
  },
  {
    section: W,
    line: 'AWS-exclusive deployments (no multi-cloud portability needed)',
    base: infer,
    changes: { cloudStrategy: 'aws-only' },
    expected: 'inferentia',
    fires: ['single-cloud-aws'],
  },

  // When NVIDIA Is Required
  {
    section: N,
    line: 'Novel architectures requiring CUDA operations',
    base: train,
    changes: { needsCustomCuda: true },
    expected: 'nvidia-blackwell-rubin',
    fires: ['novel-architecture-needs-cuda', 'inventory-cuda-kernels'],
  },
  {
    section: N,
    line: 'Maximum performance regardless of cost',
    base: infer,
    changes: { priority: 'performance' },
    expected: 'nvidia-blackwell-rubin',
    fires: ['maximum-performance', 'optimize-the-data-center'],
  },
  {
    section: N,
    line: 'Multi-cloud portability (Azure, GCP, on-prem)',
    base: infer,
    changes: { cloudStrategy: 'hybrid' },
    expected: 'nvidia-blackwell-rubin',
    fires: ['multi-cloud-needs-portability', 'same-stack-every-cloud'],
  },
  {
    section: N,
    line: 'Complex reasoning and agentic AI workloads',
    base: infer,
    changes: { inferenceProfile: 'complex-reasoning' },
    expected: 'nvidia-groq-rubin',
    fires: ['complex-reasoning-needs-nvidia', 'groq-benchmarks'],
  },

  // The finance leader's decision guide
  {
    section: F,
    line: 'Choose AWS: workloads fit PyTorch/JAX (no custom CUDA)',
    base: train,
    changes: { frameworks: ['pytorch', 'jax'] },
    expected: 'trainium',
    fires: ['standard-frameworks'],
  },
  {
    section: F,
    line: 'Choose AWS: workloads fit PyTorch/JAX — not when part is TensorFlow',
    base: train,
    changes: { frameworks: ['pytorch', 'tensorflow'] },
    expected: 'nvidia-blackwell-rubin',
    fires: ['frameworks-outside-pytorch-jax', 'frameworks-port-effort'],
  },
  {
    section: F,
    line: 'Choose AWS: single-cloud AWS strategy (no multi-cloud plans)',
    base: infer,
    changes: {},
    expected: 'inferentia',
    fires: ['single-cloud-aws'],
  },
  {
    section: F,
    line: 'Choose AWS: cost >$10K/month (economics justify migration)',
    base: train,
    changes: { monthlySpendUsd: 10_001 },
    expected: 'trainium',
    fires: ['aws-spend-over-threshold'],
  },
  {
    section: F,
    line: 'Choose AWS: willing to accept AWS lock-in',
    base: train,
    changes: { acceptsAwsLockIn: true },
    expected: 'trainium',
    fires: ['aws-lock-in-accepted', 'measure-tco-across-both'],
  },
  {
    section: F,
    line: 'Choose NVIDIA: multi-cloud strategy (Azure, GCP, on-prem optionality)',
    base: train,
    changes: { cloudStrategy: 'multi-cloud' },
    expected: 'nvidia-blackwell-rubin',
    fires: ['multi-cloud-needs-portability'],
  },
  {
    section: F,
    line: 'Choose NVIDIA: novel architectures (CUDA required)',
    base: infer,
    changes: { needsCustomCuda: true },
    expected: 'nvidia-blackwell-rubin',
    fires: ['novel-architecture-needs-cuda'],
  },
  {
    section: F,
    line: 'Choose NVIDIA: maximum performance (cost secondary)',
    base: train,
    changes: { priority: 'performance' },
    expected: 'nvidia-blackwell-rubin',
    fires: ['maximum-performance'],
  },
  {
    section: F,
    line: 'Choose NVIDIA: vendor diversification (reduce AWS dependency)',
    base: train,
    changes: { acceptsAwsLockIn: false },
    expected: 'nvidia-blackwell-rubin',
    fires: ['aws-lock-in-ruled-out'],
  },
  {
    section: F,
    line: 'Hybrid: Trainium/Inferentia for standardized, cost-sensitive workloads',
    base: infer,
    changes: { priority: 'cost' },
    expected: 'inferentia',
    fires: ['cost-sensitive-workload', 'standard-frameworks'],
  },
  {
    section: F,
    line: 'Hybrid: NVIDIA for performance-critical, multi-cloud workloads',
    base: train,
    changes: { priority: 'performance', cloudStrategy: 'multi-cloud' },
    expected: 'nvidia-blackwell-rubin',
    fires: ['maximum-performance', 'multi-cloud-needs-portability'],
  },
  {
    section: F,
    line: 'Hybrid: measure TCO across both (migration, expertise, lock-in)',
    base: train,
    changes: {},
    expected: 'trainium',
    fires: ['measure-tco-across-both'],
  },

  // Flexibility vs Efficiency Trade-Off
  {
    section: X,
    line: '$10K/month inference threshold: below that, NVIDIA flexibility wins',
    base: infer,
    changes: { monthlySpendUsd: 6_000 },
    expected: 'nvidia-blackwell-rubin',
    fires: ['inference-spend-under-threshold', 'revisit-at-threshold', 'watch-rubin-pricing'],
  },

  // Why AWS Still Needs NVIDIA: the cost claim
  {
    section: A,
    line: 'Inferentia claims 40% cost reduction vs traditional GPUs',
    base: infer,
    changes: {},
    expected: 'inferentia',
    fires: ['saving-of-recommended-aws-chip'],
  },

  // What to Watch Next
  {
    section: WATCH,
    line: 'Groq deployment timeline: AWS is the first major cloud deploying Groq, so hybrid reasoning runs on Blackwell/Rubin',
    base: infer,
    changes: { inferenceProfile: 'complex-reasoning', cloudStrategy: 'hybrid' },
    expected: 'nvidia-blackwell-rubin',
    fires: ['groq-where-it-fits', 'same-stack-every-cloud'],
  },
];
