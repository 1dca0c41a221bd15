import type { DiagramNode } from '../model.js';

/** One diagram of the MLOps course, with the name the CLI knows it by. */
export interface CourseDiagram {
  /** Kebab-case name, such as `ml-pipeline`. */
  readonly name: string;
  /** Heading printed above the diagram by `termdiagram course --all`. */
  readonly title: string;
  readonly model: DiagramNode;
}
