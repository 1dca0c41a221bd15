import { box, column, row, spacer, tag, text } from '../builders.js';
import type { DiagramNode } from '../model.js';

function libraries(names: readonly string[]): DiagramNode[] {
  return names.map((name) => box(text(name)));
}

const training = box({ id: 'training', align: 'center', padding: { x: 2 } }, [
  text('TRAINING ENVIRONMENT', { role: 'emphasis' }),
  box({ id: 'training-code', align: 'center', padding: { x: 2 } }, [
    row({ gap: 2 }, libraries(['pandas', 'sklearn', 'mlflow', 'pytest', 'DVC'])),
    text('train.py'),
  ]),
  spacer({ height: 2 }),
  tag('model.joblib', { id: 'artifact', padding: 1 }),
]);

const serving = box({ id: 'serving', align: 'center', padding: { x: 2 } }, [
  text('SERVING ENVIRONMENT', { role: 'emphasis' }),
  box({ align: 'center', padding: { x: 2 } }, [
    row({ gap: 2, align: 'middle' }, [...libraries(['fastapi', 'joblib', 'numpy']), text('← Minimal dependencies')]),
    text('predict.py'),
  ]),
  spacer(),
  text('50MB container vs 500MB training env'),
]);

export const trainingVsServing: DiagramNode = column({ align: 'stretch', gap: 2, connectors: [{ from: 'training-code', to: 'artifact' }, { from: 'training', to: 'serving' }] }, [
  training,
  serving,
]);
