import { box, fan, renderDiagram, text } from 'termdiagram';

const service = (name: string) => box(text(name));

export const model = fan({
  from: box({ border: 'double' }, text('Gateway')),
  nodes: [service('auth'), service('search'), service('billing')],
  to: box({ border: 'rounded' }, text('Database')),
});

console.log(renderDiagram(model));
