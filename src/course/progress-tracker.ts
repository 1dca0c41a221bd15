import { bar, column, rule, spacer, text } from '../builders.js';
import type { DiagramNode } from '../model.js';
import { displayWidth } from '../text/width.js';

const LEVELS = [
  { label: 'Level 1: Foundations', done: 100 },
  { label: 'Level 2: Pipeline', done: 40 },
  { label: 'Level 3: Deployment', done: 0 },
  { label: 'Level 4: Production', done: 0 },
] as const;

/** Labels are padded to one width, plus a gap, so the bars start in one column. */
const LABEL_WIDTH = Math.max(...LEVELS.map((level) => displayWidth(level.label))) + 4;

export const progressTracker: DiagramNode = column([
  column([text('YOUR PROGRESS', { role: 'emphasis' }), rule({ line: 'double' })]),
  spacer(),
  ...LEVELS.map(({ label, done }) => bar(done, { label, labelWidth: LABEL_WIDTH })),
  spacer(),
  rule({ width: 50 }),
  text('Completed: 6/16 lessons'),
  text('Next: 2.3 Model Registry'),
  rule({ width: 50 }),
]);
