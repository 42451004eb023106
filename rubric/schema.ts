import { z } from 'zod';

/**
 * A staged rubric: ordered stages, categories of dimensions, each dimension with a foundation
 * statement and one description per stage. The LER Engagement and Implementation Tool is the first;
 * any rubric of this shape works. The field-by-field reference is docs/rubrics.md.
 */
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (letters, digits, single hyphens)')
  .max(64);

// Rubric text is verbatim from its source, so the schema refuses stray whitespace instead of
// trimming it: a transform would make the loaded text differ silently from the file under review.
const text = z
  .string()
  .min(1, 'must not be empty')
  .max(4000)
  .refine((s) => s === s.trim(), 'must not start or end with whitespace');

export const stageSchema = z.strictObject({
  id: slug,
  label: text,
  /** The general definition of the stage (the rubric's header row). */
  description: text,
});

export const dimensionSchema = z.strictObject({
  id: slug,
  /** The dimension's title; for a category with a single dimension, the category's title. */
  title: text,
  foundation: text,
  /** stage id → the description of this dimension at that stage. */
  stages: z.record(slug, text),
  /** stage id → a label printed at the start of that stage's cell (e.g. PULSE). Optional. */
  stageLabels: z.record(slug, text).optional(),
});

export const categorySchema = z.strictObject({
  id: slug,
  title: text,
  dimensions: z.array(dimensionSchema).min(1),
});

export const rubricSchema = z
  .strictObject({
    id: slug,
    version: z.string().regex(/^\d+(\.\d+)*$/, 'must be a version like 1 or 1.0'),
    title: text,
    /** Where the text comes from and under what terms it is used. */
    source: text,
    introduction: z.array(text).default([]),
    /** Title of the stage table, as printed. */
    stagesHeading: text.optional(),
    /** Heading of the foundation column, as printed (e.g. "LER Foundation"). */
    foundationHeading: text.optional(),
    stages: z.array(stageSchema).min(2),
    categories: z.array(categorySchema).min(1),
    allowNotSure: z.boolean(),
  })
  .superRefine((rubric, ctx) => {
    const stageIds = rubric.stages.map((s) => s.id);
    rubric.stages.forEach((stage, si) => {
      if (stageIds.indexOf(stage.id) !== si)
        ctx.addIssue({
          code: 'custom',
          path: ['stages', si, 'id'],
          message: `duplicate stage id "${stage.id}"`,
        });
    });
    const categoryIds = new Set<string>();
    // Dimension ids end up in URLs, exports and stored ratings, so they are unique across the whole
    // rubric, not just within their category.
    const dimensionIds = new Set<string>();
    rubric.categories.forEach((category, ci) => {
      if (categoryIds.has(category.id))
        ctx.addIssue({
          code: 'custom',
          path: ['categories', ci, 'id'],
          message: `duplicate category id "${category.id}"`,
        });
      categoryIds.add(category.id);
      category.dimensions.forEach((dimension, di) => {
        const path = ['categories', ci, 'dimensions', di];
        if (dimensionIds.has(dimension.id))
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'id'],
            message: `duplicate dimension id "${dimension.id}"`,
          });
        dimensionIds.add(dimension.id);
        for (const id of stageIds) {
          if (!(id in dimension.stages))
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'stages', id],
              message: `missing description for stage "${id}"`,
            });
        }
        for (const field of ['stages', 'stageLabels'] as const) {
          for (const key of Object.keys(dimension[field] ?? {})) {
            if (!stageIds.includes(key))
              ctx.addIssue({
                code: 'custom',
                path: [...path, field, key],
                message: `unknown stage "${key}" (the rubric's stages are: ${stageIds.join(', ')})`,
              });
          }
        }
      });
    });
  });

export type Rubric = z.infer<typeof rubricSchema>;
export type RubricStage = z.infer<typeof stageSchema>;
export type RubricDimension = z.infer<typeof dimensionSchema>;
export type RubricCategory = z.infer<typeof categorySchema>;

/** Every dimension in rubric order, with its category. */
export function allDimensions(
  rubric: Rubric,
): Array<RubricDimension & { categoryId: string; categoryTitle: string }> {
  return rubric.categories.flatMap((c) =>
    c.dimensions.map((d) => ({ ...d, categoryId: c.id, categoryTitle: c.title })),
  );
}
