import { fileURLToPath } from 'node:url';
import { box, row, text } from 'termdiagram';
import { toMatchDiagram } from 'termdiagram/testing';
import { expect, it } from 'vitest';

expect.extend({ toMatchDiagram });

it('draws the release pipeline', () => {
  const model = row({ chain: true }, [box(text('lint')), box(text('test')), box({ border: 'double' }, text('publish'))]);

  expect(model).toMatchDiagram(fileURLToPath(new URL('./snapshot.golden.txt', import.meta.url)), {
    render: { width: 60 },
    update: process.env.UPDATE_FIXTURES === '1',
  });
});
