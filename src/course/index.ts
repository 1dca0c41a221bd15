import { ciCdPipeline } from './ci-cd-pipeline.js';
import { courseProgression } from './course-progression.js';
import { dataDrift } from './data-drift.js';
import { deploymentArchitecture } from './deployment-architecture.js';
import { fivePillars } from './five-pillars.js';
import { mlPipeline } from './ml-pipeline.js';
import { modelLifecycle } from './model-lifecycle.js';
import { progressTracker } from './progress-tracker.js';
import type { CourseDiagram } from './registry.js';
import { trainingVsServing } from './training-vs-serving.js';

export type { CourseDiagram } from './registry.js';
export {
  ciCdPipeline,
  courseProgression,
  dataDrift,
  deploymentArchitecture,
  fivePillars,
  mlPipeline,
  modelLifecycle,
  progressTracker,
  trainingVsServing,
};

/** The nine diagrams of the MLOps course, in the course's order. */
export const courseDiagrams: readonly CourseDiagram[] = [
  { name: 'course-progression', title: 'Course Progression', model: courseProgression },
  { name: 'five-pillars', title: 'The 5 Pillars of MLOps', model: fivePillars },
  { name: 'ml-pipeline', title: 'ML Pipeline Flow', model: mlPipeline },
  { name: 'deployment-architecture', title: 'Deployment Architecture', model: deploymentArchitecture },
  { name: 'model-lifecycle', title: 'Model Lifecycle', model: modelLifecycle },
  { name: 'data-drift', title: 'Data Drift Detection', model: dataDrift },
  { name: 'ci-cd-pipeline', title: 'CI/CD Pipeline', model: ciCdPipeline },
  { name: 'training-vs-serving', title: 'Training vs Serving', model: trainingVsServing },
  { name: 'progress-tracker', title: 'Progress Tracker', model: progressTracker },
];
