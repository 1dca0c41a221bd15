import { box, chain, column, grid, row, rule, spacer, stub, text } from '../builders.js';
import type { DiagramNode } from '../model.js';

const STAGES = [
  { id: 'raw', stage: 'RAW\nDATA', tool: 'DVC\nTrack' },
  { id: 'clean', stage: 'CLEAN\nDATA', tool: 'Validation' },
  { id: 'features', stage: 'FEAT.', tool: 'DVC\nTrack' },
  { id: 'train', stage: 'TRAIN', tool: 'MLflow\nTrack' },
  { id: 'model', stage: 'MODEL', tool: 'Registry' },
] as const;

/** Every box in the grid is this wide, so the stage and tool boxes line up in columns: `Validation` fits with no padding. */
const STAGE_WIDTH = 12;

/** Length of the arrows that feed the first stage and leave the last, kept inside the diagram by spacers. */
const FEED_LENGTH = 4;

const stageBoxes = STAGES.map(({ id, stage }) =>
  box({ id, minWidth: STAGE_WIDTH, minHeight: 6, padding: 0, align: 'center', valign: 'middle' }, text(stage, { align: 'center' })),
);
const toolBoxes = STAGES.map(({ id, tool }) =>
  box({ id: `${id}-tool`, minWidth: STAGE_WIDTH, padding: 0, align: 'center' }, text(tool, { align: 'center' })),
);

export const mlPipeline: DiagramNode = column({ align: 'stretch' }, [
  box({ align: 'center' }, text('ML PIPELINE', { role: 'emphasis' })),
  spacer(),
  row({ gap: 0 }, [spacer({ width: FEED_LENGTH }), grid(
    {
      columns: STAGES.length,
      columnGap: 3,
      rowGap: 2,
      connectors: [
        ...chain(STAGES.map((stage) => stage.id)),
        ...STAGES.map(({ id }) => ({ from: id, to: `${id}-tool` })),
      ],
      stubs: [stub('raw', 'in', 'left', FEED_LENGTH), stub('model', 'out', 'right', FEED_LENGTH)],
    },
    [...stageBoxes, ...toolBoxes],
  ), spacer({ width: FEED_LENGTH })]),
  spacer(),
  rule({ line: 'double' }),
  text('VERSIONED & TRACKED', { align: 'center', role: 'emphasis' }),
]);
