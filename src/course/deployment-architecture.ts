import { box, column, fan, row, text } from '../builders.js';
import type { DiagramNode } from '../model.js';

const REPLICAS = 3;

function replica(): DiagramNode {
  const service = box({ divided: true, align: 'center', padding: { x: 2 } }, [
    text('FastAPI'),
    text('Model\nv1.2', { align: 'center' }),
  ]);

  return box({ align: 'center' }, [service, text('Container')]);
}

const monitoring = box({ align: 'center', padding: { x: 2 } }, [
  row({ gap: 3 }, [box(text('Logs')), box(text('Metrics'))]),
  text('MONITORING', { role: 'emphasis' }),
]);

export const deploymentArchitecture: DiagramNode = column({ align: 'center', chain: true }, [
  box({ padding: { x: 4 } }, text('INTERNET')),
  fan({
    from: box({ padding: { x: 4 } }, text('LOAD BALANCER')),
    nodes: Array.from({ length: REPLICAS }, replica),
    to: monitoring,
    gap: 7,
  }),
]);
