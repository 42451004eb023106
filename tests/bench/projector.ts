/**
 * Micro-benchmark: CPU per accepted member-doc edit through the workshop projector.
 * 30 attached members, every dimension rated and revealed, a few comments and reactions each;
 * then N single-rating edits (one member, one dimension, new rationale) are timed.
 *   npx tsx tests/bench/projector.ts [edits=3000]
 */
import { MemberDoc } from '../../shared/docs/memberDoc';
import { makeProjection } from '../../server/realtime/projection/testHarness';
import { ratingRules } from '../../server/room/ratingRules';
import { TEST_RUBRIC } from '../../server/room/testWorkshop';

const edits = Number(process.argv[2] ?? 3000);
const { dimensionIds } = ratingRules(TEST_RUBRIC, { allowNotSure: true });
const rig = makeProjection({ members: Array.from({ length: 30 }, (_, i) => ({ name: `Member ${i}` })) });
rig.memberDocs.forEach((doc, i) => {
  for (const d of dimensionIds) rig.rate(i, d, { stage: 'developing', rationale: `reason ${i} ${d}`.repeat(5) });
  const member = new MemberDoc(doc);
  for (let c = 0; c < 20; c++)
    member.comments.set(`c${c}`, {
      dimensionId: dimensionIds[c % dimensionIds.length]!,
      parentKey: null,
      text: `comment ${c} from ${i}`,
      evidence: [],
      createdAt: c,
      editedAt: null,
      deleted: false,
    });
  member.reactions.set(`r${i}`, { commentKey: `${rig.memberIds[(i + 1) % 30]}:c0`, emoji: '👍', createdAt: 1 });
});
rig.reveal(dimensionIds.slice(0, Math.ceil(dimensionIds.length / 2)));

function run(n: number): number {
  const start = process.hrtime.bigint();
  for (let k = 0; k < n; k++) {
    rig.rate(k % 30, dimensionIds[k % dimensionIds.length]!, { stage: 'developing', rationale: `edit ${k}` });
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}
run(Math.min(500, edits)); // warm-up
const samples = [run(edits), run(edits), run(edits)].map((ms) => (ms * 1000) / edits);
samples.sort((a, b) => a - b);
console.log(
  `projector: ${edits} edits × 3, 30 members, ${dimensionIds.length} dimensions — µs per edit: min ${samples[0]!.toFixed(1)}, median ${samples[1]!.toFixed(1)}`,
);
console.log(`workshop-doc updates: ${rig.updates.length}, warnings: ${rig.warnings.length}`);
rig.close();
