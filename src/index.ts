export { renderDiagram } from './render.js';
export type { RenderOptions, Charset } from './options.js';
export { DiagramError } from './errors.js';
export type { DiagramErrorCode } from './errors.js';
export * from './builders.js';
export type * from './model.js';
