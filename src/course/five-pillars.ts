import { box, column, fan, text, vtext } from '../builders.js';
import type { DiagramNode } from '../model.js';
import { displayWidth } from '../text/width.js';

const PILLARS = [
  { name: 'DESIGN', caption: 'Problem\nFraming' },
  { name: 'DATA', caption: 'Version\n& Quality' },
  { name: 'MODEL', caption: 'Train &\nTrack' },
  { name: 'DEPLOY', caption: 'Serve &\nScale' },
  { name: 'MONITOR', caption: 'Track &\nAlert' },
] as const;

/** Every shaded pillar is as tall as the longest name, with a blank row above and below it; shorter names hang from the top. */
const PILLAR_HEIGHT = Math.max(...PILLARS.map((pillar) => displayWidth(pillar.name))) + 4;

function pillar(name: string, caption: string): DiagramNode {
  const shaded = box({ border: 'shade', role: 'barFill', padding: { x: 2, y: 1 }, minHeight: PILLAR_HEIGHT, align: 'center', valign: 'top' }, vtext(name));

  return column({ align: 'center' }, [box(shaded), text(caption, { align: 'center' })]);
}

export const fivePillars: DiagramNode = fan({
  from: box({ border: 'double', padding: { x: 3 } }, text('PRODUCTION ML', { role: 'emphasis' })),
  nodes: PILLARS.map(({ name, caption }) => pillar(name, caption)),
});
