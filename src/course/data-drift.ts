import { box, column, curve, row, rule, spacer, text } from '../builders.js';
import type { DiagramNode } from '../model.js';

/** A bell curve centred in its window: the training data. */
const TRAINING = [0, 0, 0, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 1, 0, 0, 0];
/** The same bell moved right: the production data has drifted. */
const PRODUCTION = [0, 0, 0, 0, 0, 0, 1, 2, 3, 3, 3, 3, 3, 3, 2, 1, 0, 0, 0, 0, 0, 0];

function distribution(heading: string, sparkline: readonly number[], values: readonly number[], center: number, mark: string): DiagramNode {
  const first = values.findIndex((value) => value > 0) - 1;
  const last = values.length - [...values].reverse().findIndex((value) => value > 0);

  return column({ align: 'center' }, [
    column([text(heading, { role: 'emphasis' }), rule({ line: 'double' })]),
    spacer(),
    // The sparkline's scale starts at its lowest value, 1, so that value draws as the lowest bar.
    curve(sparkline, { min: 1 }),
    curve(values, {
      shape: 'line',
      height: 4,
      markers: [
        { at: first, symbol: 'bound' },
        { at: center, label: mark },
        { at: last, symbol: 'bound' },
      ],
    }),
  ]);
}

export const dataDrift: DiagramNode = column({ align: 'stretch' }, [
  row({ gap: 8 }, [
    distribution('Training Distribution', [1, 2, 4, 6, 8, 6, 4, 2, 1], TRAINING, 10, 'center'),
    distribution('Production Distribution', [1, 2, 3, 5, 7, 8, 7, 5, 3, 2, 1], PRODUCTION, 10, 'SHIFT'),
  ]),
  spacer(),
  box({ padding: { x: 2 }, role: 'warning' }, [
    text('⚠️  DRIFT DETECTED: Distribution shift > threshold'),
    text('    Action: Trigger retraining pipeline'),
  ]),
]);
