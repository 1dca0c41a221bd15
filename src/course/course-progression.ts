import { box, column, row, rule, spacer, tag, text } from '../builders.js';
import type { Connector, DiagramNode } from '../model.js';

const LEVELS = [
  { level: 'LEVEL 1', name: 'Foundations', lessons: ['Setup', 'Principles', 'Model', 'Docker'] },
  { level: 'LEVEL 2', name: 'Pipeline', lessons: ['DVC', 'MLflow', 'Registry', 'Testing'] },
  { level: 'LEVEL 3', name: 'Deployment', lessons: ['Serving', 'FastAPI', 'Docker+', 'Cloud'] },
  { level: 'LEVEL 4', name: 'Production', lessons: ['CI/CD', 'Monitor', 'Drift', 'Capstone'] },
] as const;

/** Wide enough for the longest lesson name, `Principles`, with a space either side. */
const LESSON_BOX_WIDTH = 14;

function lessonId(level: number, lesson: number): string {
  return `lesson-${level}.${lesson}`;
}

function levelColumn(levelIndex: number): DiagramNode {
  const { level, name, lessons } = LEVELS[levelIndex] ?? LEVELS[0];
  const heading = column([text(level, { role: 'emphasis' }), text(name), rule()]);
  const lessonBoxes = lessons.map((lesson, index) =>
    box({ id: lessonId(levelIndex + 1, index + 1), minWidth: LESSON_BOX_WIDTH }, text(`${levelIndex + 1}.${index + 1}\n${lesson}`)),
  );

  return column({ gap: 1 }, [heading, column({ chain: true }, lessonBoxes)]);
}

/** The first lesson of each level leads to the first lesson of the next. */
const levelLinks: Connector[] = LEVELS.slice(1).map((_, index) => ({
  from: lessonId(index + 1, 1),
  to: lessonId(index + 2, 1),
}));

export const courseProgression: DiagramNode = column({ align: 'stretch' }, [
  box({ border: 'double', align: 'center' }, text('MLOps LEARNING PATH', { role: 'emphasis' })),
  spacer(),
  row({ gap: 8, connectors: levelLinks }, LEVELS.map((_, index) => levelColumn(index))),
  spacer(),
  row({ chain: true, gap: 5 }, [tag('Notebook'), tag('Container'), tag('Cloud API'), tag('Production System')]),
]);
