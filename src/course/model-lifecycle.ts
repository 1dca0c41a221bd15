import { box, column, row, rule, spacer, text } from '../builders.js';
import type { DiagramNode } from '../model.js';

const STAGES = [
  { id: 'experiment', heading: 'EXPERIMENT', picture: '○ ○ ○\n○ ● ○\n○ ○ ○', caption: 'Many\ncandidates' },
  { id: 'staging', heading: 'STAGING', picture: '███\n███', caption: 'One\nchampion' },
  { id: 'production', heading: 'PRODUCTION', picture: '█████\n█████\n█████', caption: 'One\nserving' },
] as const;

function stage(id: string, heading: string, picture: string, caption: string): DiagramNode {
  return column({ gap: 1 }, [
    column([text(heading, { role: 'emphasis' }), rule()]),
    box({ id, minHeight: 5, minWidth: 9, align: 'center', valign: 'middle' }, text(picture)),
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
    STAGES.map(({ id, heading, picture, caption }) => stage(id, heading, picture, caption)),
  ),
  spacer(),
  rule({ line: 'double' }),
]);
