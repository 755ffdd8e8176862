import { z } from 'zod';
import { conditionSchema } from './condition-schema.js';
import { chipId, eventSchema, LEVELS, source } from './event-schema.js';

export * from './condition-schema.js';
export * from './event-schema.js';

export const ruleSchema = z.strictObject({
  name: z
    .string()
    .max(60)
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      'a rule id in kebab-case, e.g. "inference-spend-over-threshold"',
    ),
  priority: z.number().int().min(1).max(1000),
  conditions: conditionSchema.refine(
    (condition) => !('fact' in condition),
    'the top level must be "all", "any" or "not" (json-rules-engine needs a boolean root)',
  ),
  event: eventSchema,
});
export type RuleJson = z.infer<typeof ruleSchema>;

export const ruleFileSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().min(1),
  rules: z.array(ruleSchema).min(1),
});

export const chipSchema = z.strictObject({
  id: chipId,
  vendor: z.enum(['aws', 'nvidia']),
  label: z.string().min(1).max(40),
  summary: z.string().min(10).max(300),
  source,
  migration: z.strictObject({ level: z.enum(LEVELS), reason: z.string().min(10).max(200) }),
  risk: z.strictObject({ level: z.enum(LEVELS), reason: z.string().min(10).max(200) }),
  cost: z
    .strictObject({
      reductionVsGpu: z.number().gt(0).lt(1),
      claim: z.string().min(10).max(200),
      source,
    })
    .optional(),
});
export type Chip = z.infer<typeof chipSchema>;

export const chipsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().min(1),
  chips: z.array(chipSchema).min(2).max(30),
});

export const articleFileSchema = z.strictObject({
  $schema: z.string().optional(),
  title: z.string().min(1),
  author: z.string().min(1),
  date: z.string().min(1),
  sections: z
    .array(z.strictObject({ heading: z.string().min(1), summary: z.string().min(10).max(500) }))
    .min(1),
});
export type Article = z.infer<typeof articleFileSchema>;
