import { box, chain, column, grid, row, spacer, tag, text } from '../builders.js';
import type { DiagramNode } from '../model.js';

const STAGES = ['PUSH', 'LINT', 'TEST', 'VALIDATE MODEL', 'BUILD', 'DEPLOY'] as const;

/** The tools under each stage; an empty string leaves the cell empty. */
const TOOLS = ['', 'black\nruff', 'pytest', '', 'docker\npush', 'cloud\nrun'] as const;

/** Wide enough for `VALIDATE`, the longest word of a stage name, with no padding. */
const STAGE_WIDTH = 10;

function stageId(index: number): string {
  return `stage-${index}`;
}

const stageBoxes = STAGES.map((stage, index) =>
  box({ id: stageId(index), minWidth: STAGE_WIDTH, padding: 0, align: 'center' }, text(stage.replace(' ', '\n'), { align: 'center' })),
);

const toolBoxes = TOOLS.map((tool, index) =>
  tool === '' ? spacer({ height: 0 }) : box({ id: `tool-${index}`, minWidth: STAGE_WIDTH }, text(tool)),
);

const VALIDATE = STAGES.indexOf('VALIDATE MODEL');

const gate = column({ align: 'center', gap: 0 }, [
  box({ id: 'gate', padding: 0 }, text('acc >= 0.85?\nlat <= 100ms?')),
  spacer({ height: 4 }),
  row({ gap: 2 }, [tag('PASS', { id: 'pass' }), tag('BLOCK', { id: 'block' })]),
]);

const cells = [
  ...stageBoxes,
  ...toolBoxes,
  ...STAGES.map((_, index) => (index === VALIDATE ? gate : spacer({ height: 0 }))),
];

export const ciCdPipeline: DiagramNode = column({ align: 'stretch' }, [
  box({ align: 'center' }, text('CI/CD FOR ML', { role: 'emphasis' })),
  spacer(),
  grid(
    {
      columns: STAGES.length,
      columnGap: 3,
      rowGap: 2,
      connectors: [
        ...chain(STAGES.map((_, index) => stageId(index))),
        ...TOOLS.flatMap((tool, index) => (tool === '' ? [] : [{ from: stageId(index), to: `tool-${index}` }])),
        { from: stageId(VALIDATE), to: 'gate' },
        { from: 'gate', to: 'pass', label: 'YES', labelSide: 'left' },
        { from: 'gate', to: 'block', label: 'NO', labelSide: 'right' },
      ],
    },
    cells,
  ),
]);
