import type { DiagramSnapshotOptions } from 'termdiagram/testing';

declare module 'vitest' {
  interface Matchers<T> {
    toMatchDiagram(goldenPath: string, options?: DiagramSnapshotOptions): T;
  }
}
