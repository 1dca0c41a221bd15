import { box, column, row, rule, spacer, text } from '../builders.js';
import type { DiagramNode } from '../model.js';

/** Each stage's picture sits in its box as drawn in the course: the champion's two rows rest on the bottom. */
const STAGES = [
  { id: 'experiment', heading: 'EXPERIMENT', picture: '○ ○ ○\n○ ● ○\n○ ○ ○', valign: 'middle', caption: 'Many\ncandidates' },
  { id: 'staging', heading: 'STAGING', picture: '███\n███', valign: 'bottom', caption: 'One\nchampion' },
  { id: 'production', heading: 'PRODUCTION', picture: '█████\n█████\n█████', valign: 'middle', caption: 'One\nserving' },
] as const;

type Stage = (typeof STAGES)[number];

function stage({ id, heading, picture, valign, caption }: Stage): DiagramNode {
  return column([
    column([text(heading, { role: 'emphasis' }), rule()]),
    spacer(),
    box({ id, minHeight: 5, minWidth: 9, align: 'center', valign }, text(picture)),
    text(caption),
  ]);
}

export const modelLifecycle: DiagramNode = column({ align: 'stretch' }, [
  rule({ line: 'double' }),
  spacer(),
  row(
    {
      gap: 10,
      connectors: [
        { from: 'experiment', to: 'staging', label: 'test', labelSide: 'below' },
        { from: 'staging', to: 'production', label: 'deploy', labelSide: 'below' },
      ],
    },
    STAGES.map(stage),
  ),
  spacer(),
  rule({ line: 'double' }),
]);
