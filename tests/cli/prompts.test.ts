import { describe, expect, it } from 'vitest';
import { advise } from '../support/run-command.js';

/** Types `lines` at the questions (standard input is piped, so --interactive) and asks for JSON. */
async function session(lines: readonly string[]) {
  const result = await advise(['--interactive', '--json'], `${lines.join('\n')}\n`);
  return { ...result, answers: result.code === 0 ? JSON.parse(result.stdout).answers : undefined };
}

/** A training workload, one answer per question, in the catalog's order. */
const TRAINING = [
  'Nightly fine-tune', // workloadName
  '1', // workload: training
  '$8,000', // monthlySpendUsd
  '1,2', // frameworks: PyTorch, JAX
  'n', // needsCustomCuda
  '1', // cloudStrategy: AWS only
  'y', // acceptsAwsLockIn
  '1', // priority: cost
  '', // chipCount: skipped
  '', // awsNeuronExperience: skipped
];
const CONFIRM = '';

const TRAINING_ANSWERS = {
  workloadName: 'Nightly fine-tune',
  workload: 'training',
  monthlySpendUsd: 8000,
  frameworks: ['pytorch', 'jax'],
  needsCustomCuda: false,
  cloudStrategy: 'aws-only',
  acceptsAwsLockIn: true,
  priority: 'cost',
};

describe('the questions on a terminal', () => {
  it('shows the choices as numbers, skips what does not apply, reviews, then advises', async () => {
    const result = await session([...TRAINING, CONFIRM]);
    expect(result.code).toBe(0);
    expect(result.answers).toEqual(TRAINING_ANSWERS);
    expect(result.stderr).toContain(
      'What will the accelerators do?\n' +
        '  AWS built Trainium for training and Inferentia for inference; NVIDIA covers\n' +
        '  both.\n' +
        '    1) Training (build or fine-tune models)\n' +
        '    2) Inference (serve models)\n' +
        '  Choose 1-2: 1\n',
    );
    expect(result.stderr).not.toContain('What kind of inference is it?');
    expect(result.stderr).toContain(
      'Review your answers\n' +
        '   1. Workload: Nightly fine-tune\n' +
        '   2. Workload type: Training (build or fine-tune models)\n' +
        '   3. Monthly spend: $8,000\n' +
        '   4. Frameworks: PyTorch, JAX\n',
    );
    expect(result.stderr).toContain('   9. Accelerators at peak: not given\n');
    expect(result.stderr).toContain(
      '  Enter to get the advice, a number (1-10) to change that answer, or "back": \n',
    );
  });

  it('tells the limits and what Enter does before an answer is typed', async () => {
    const result = await session([...TRAINING, CONFIRM]);
    const stderr = result.stderr;
    expect(stderr).toContain('  Up to 80 characters [Enter skips]: Nightly fine-tune\n');
    expect(stderr).toContain('  Choose one or more of 1-4, separated by commas: 1,2\n');
    expect(stderr).toContain('  y/n: n\n');
    expect(stderr).toContain('  An amount in US dollars, e.g. 25000, 25k or $1.5M: $8,000\n');
    expect(stderr).toContain('  A whole number, 1 or more [Enter skips]: \n');
  });

  it('words each mistake in the terms of its prompt, and asks again', async () => {
    const result = await session([
      'x'.repeat(81),
      'Nightly fine-tune',
      '',
      '3',
      'gpu',
      '1',
      '10abc',
      '-3',
      '8000',
      '1,7',
      '1,1',
      'caffe',
      '1,2',
      'maybe',
      'n',
      '1',
      'y',
      '1',
      '0',
      '2.5',
      '',
      '',
      CONFIRM,
    ]);
    expect(result.code).toBe(0);
    expect(result.answers).toEqual(TRAINING_ANSWERS);
    // Each mistake on its own, wrapped under its text: "  ✗ …" then lines indented by four.
    const mistakes = [...result.stderr.matchAll(/^ {2}✗ (.+(?:\n {4}\S.*)*)/gm)].map((match) =>
      (match[1] as string).replaceAll(/\n {4}/g, ' '),
    );
    expect(mistakes).toEqual([
      'That is 81 characters; the limit is 80.',
      'An answer is needed: choose 1-2.',
      'There is no choice 3: choose 1-2.',
      '"gpu" is not one of the choices: choose 1-2.',
      '"10abc" is not an amount: type an amount in US dollars, e.g. 25000, 25k or $1.5M.',
      '"-3" is not an amount: type an amount in US dollars, e.g. 25000, 25k or $1.5M.',
      'There is no choice 7: choose one or more of 1-4, separated by commas.',
      'List each choice once: choose one or more of 1-4, separated by commas.',
      '"caffe" is not one of the choices: choose one or more of 1-4, separated by commas.',
      'Answer y or n (you typed "maybe").',
      'Accelerators at peak must be a whole number, 1 or more (got the number 0).',
      'Accelerators at peak must be a whole number, 1 or more (got the number 2.5).',
    ]);
  });

  it('goes back to the previous question with "back", offering the answer given', async () => {
    const [name, workload, spend, ...rest] = TRAINING;
    const result = await session([
      'back',
      name as string,
      workload as string,
      spend as string,
      'back',
      '', // keeps $8,000
      ...rest,
      CONFIRM,
    ]);
    expect(result.code).toBe(0);
    expect(result.answers).toEqual(TRAINING_ANSWERS);
    expect(result.stderr).toContain('  This is the first question.\n');
    expect(result.stderr).toContain(
      '  An amount in US dollars, e.g. 25000, 25k or $1.5M [Enter keeps 8000]: \n',
    );
  });

  it('changes an answer from the review and asks the questions the change brings', async () => {
    const withChips = [...TRAINING.slice(0, 8), '128', ''];
    const result = await session([
      ...withChips,
      '2', // change the workload type
      '2', // to inference
      '1', // a new question: commodity inference
      '10', // change AWS Neuron experience...
      'y',
      CONFIRM,
    ]);
    expect(result.code).toBe(0);
    // The peak accelerator count only applies to training, so it is gone.
    expect(result.answers).toEqual({
      ...TRAINING_ANSWERS,
      workload: 'inference',
      inferenceProfile: 'commodity',
      awsNeuronExperience: true,
    });
    expect(result.stderr).toContain('  Choose 1-2 [Enter keeps 1]: 2\n');
    expect(result.stderr).toContain(
      '   3. Inference profile: Commodity (high-throughput serving)\n',
    );
  });

  it('removes an optional answer with "-" from the review', async () => {
    const result = await session([...TRAINING.slice(0, 8), '128', '', '9', '-', CONFIRM]);
    expect(result.code).toBe(0);
    expect(result.answers).toEqual(TRAINING_ANSWERS);
    expect(result.stderr).toContain(
      '  A whole number, 1 or more [Enter keeps 128, - to remove]: -\n',
    );
  });

  it('says which numbers the review takes', async () => {
    const result = await session([...TRAINING, '11', CONFIRM]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      '  ✗ There is no answer "11": type 1-10, or Enter for the advice.\n',
    );
  });

  it('exits 2 with nothing printed when input ends before the answers are confirmed', async () => {
    for (const lines of [['training'], TRAINING]) {
      const result = await session(lines);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        /chip-advice: input ended before the answers were confirmed; nothing was evaluated\n$/,
      );
    }
  });
});
