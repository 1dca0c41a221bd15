import { joinPath } from './errors.js';
import type { DiagramNode } from './model.js';
import type { ValidationProblem } from './validate.js';

/**
 * Whether a node draws nothing at all: empty text, a spacer, a rule of no
 * width, a box without a border around nothing, or a container of such nodes.
 * An arrow to such a node would point at empty space.
 */
export function drawsNothing(node: DiagramNode): boolean {
  switch (node.kind) {
    case 'text':
    case 'vtext':
      return node.text.trim() === '';
    case 'spacer':
      return true;
    case 'rule':
      return node.width === 0;
    case 'box':
      return node.border === 'none' && node.children.every(drawsNothing);
    case 'row':
    case 'column':
    case 'grid':
      return node.children.every(drawsNothing);
    case 'fan':
      return false;
    default:
      return false;
  }
}

/**
 * Whether a node's top or bottom row may be a line of its own or a row of
 * scattered marks, which a line meeting it from above or below would cross
 * or end beside: a rule, a bar, a curve, or a container that may start or
 * end with one.
 */
export function endsInLine(node: DiagramNode): boolean {
  switch (node.kind) {
    case 'rule':
    case 'bar':
    case 'curve':
      return true;
    case 'column':
    case 'box': {
      if (node.kind === 'box' && node.border !== 'none') {
        return false;
      }
      const first = node.children[0];
      const last = node.children[node.children.length - 1];

      return (first !== undefined && endsInLine(first)) || (last !== undefined && endsInLine(last));
    }
    case 'row':
    case 'grid':
      return node.children.some(endsInLine);
    default:
      return false;
  }
}

function lineProblem(path: string): ValidationProblem {
  return {
    code: 'invalid-model',
    path,
    message: 'this node starts or ends with a rule, bar or curve, which a vertical link would cross or end beside; link a node above or beside it instead',
  };
}

function problem(path: string, what: string): ValidationProblem {
  return {
    code: 'invalid-model',
    path,
    message: `this node draws nothing, so the arrow that ${what} would point at empty space; give it content, or leave it out`,
  };
}

/**
 * Lists the fanned and chained nodes, and connector ends, that draw nothing.
 * Runs on a model that passed every other check, so it is a tree of known kinds.
 */
export function checkLinkedNodes(root: DiagramNode): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const byId = new Map<string, DiagramNode>();
  const connectors: { path: string; from: string; to: string }[] = [];
  const stubSides = new Map<string, string>();
  // A subtree shared by several parents is checked once, so a diamond of shared nodes stays linear.
  const visited = new Set<DiagramNode>();

  const visit = (node: DiagramNode, path: string): void => {
    if (visited.has(node)) {
      return;
    }
    visited.add(node);
    if (node.id !== undefined) {
      byId.set(node.id, node);
    }
    if (node.kind === 'fan') {
      for (const end of ['from', 'to'] as const) {
        const part = node[end];
        if (part !== undefined && endsInLine(part)) {
          problems.push(lineProblem(joinPath(path, end)));
        }
      }
      node.nodes.forEach((child, index) => {
        const childPath = joinPath(joinPath(path, 'nodes'), index);
        if (drawsNothing(child)) {
          problems.push(problem(childPath, 'links it to the fan'));
        }
        if (endsInLine(child)) {
          problems.push(lineProblem(childPath));
        }
        visit(child, childPath);
      });
      for (const end of ['from', 'to'] as const) {
        const part = node[end];
        if (part !== undefined) {
          if (drawsNothing(part)) {
            problems.push(problem(joinPath(path, end), 'links it to the fan'));
          }
          visit(part, joinPath(path, end));
        }
      }

      return;
    }
    if (!('children' in node)) {
      return;
    }
    const chained = (node.kind === 'row' || node.kind === 'column') && node.chain !== undefined && node.chain !== false;
    node.children.forEach((child, index) => {
      const childPath = joinPath(joinPath(path, 'children'), index);
      if (chained && drawsNothing(child)) {
        problems.push(problem(childPath, 'chains it to its neighbours'));
      }
      if (chained && node.kind === 'column' && endsInLine(child)) {
        problems.push(lineProblem(childPath));
      }
      visit(child, childPath);
    });
    if (node.kind === 'row' || node.kind === 'column' || node.kind === 'grid') {
      node.connectors?.forEach((connector, index) => {
        connectors.push({ path: joinPath(joinPath(path, 'connectors'), index), from: connector.from, to: connector.to });
      });
      node.stubs?.forEach((stub, index) => {
        // Two stubs on one side of a node would be drawn over each other.
        const stubPath = joinPath(joinPath(path, 'stubs'), index);
        const side = `${stub.side} side of '${stub.id}'`;
        const earlier = stubSides.get(side);
        if (earlier !== undefined) {
          problems.push({ code: 'invalid-model', path: joinPath(stubPath, 'side'), message: `the stub at ${earlier} already uses the ${side}; put this stub on another side` });
        } else {
          stubSides.set(side, stubPath);
        }
      });
    }
  };
  visit(root, '');

  for (const connector of connectors) {
    for (const end of ['from', 'to'] as const) {
      const node = byId.get(connector[end]);
      if (node !== undefined && drawsNothing(node)) {
        problems.push(problem(joinPath(connector.path, end), `the connector draws to '${connector[end]}'`));
      }
    }
  }

  return problems;
}
