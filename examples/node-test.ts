import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { box, row, text } from 'termdiagram';
import { assertDiagram } from 'termdiagram/testing';

test('draws the release pipeline', () => {
  const model = row({ chain: true }, [box(text('lint')), box(text('test')), box({ border: 'double' }, text('publish'))]);

  assertDiagram(model, fileURLToPath(new URL('./snapshot.golden.txt', import.meta.url)), {
    render: { width: 60 },
    update: process.env.UPDATE_FIXTURES === '1',
  });
});
