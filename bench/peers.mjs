/**
 * Peer libraries, each given the same work as termdiagram: the same boxes and
 * arrows, the same lines in one box, or the same curve values.
 */
import { buildMermaid, curveValues, textLines } from './workloads.mjs';

/** Installed peer packages, in the order the report lists their versions. */
export const PEER_PACKAGES = ['beautiful-mermaid', 'boxen', 'asciichart'];

/**
 * Returns a function that renders the workload with its peer library and
 * returns the output string.
 */
export async function preparePeer(workload) {
  switch (workload.peer) {
    case 'beautiful-mermaid': {
      const { renderMermaidASCII } = await import('beautiful-mermaid');
      const source = buildMermaid(workload);
      // Plain text, as termdiagram draws by default: no ANSI colours.
      return () => renderMermaidASCII(source, { colorMode: 'none' });
    }
    case 'boxen': {
      const { default: boxen } = await import('boxen');
      const content = textLines(workload.n).join('\n');
      // termdiagram's box pads one cell left and right by default.
      const options = { padding: { top: 0, right: 1, bottom: 0, left: 1 } };
      return () => boxen(content, options);
    }
    case 'asciichart': {
      const { default: asciichart } = await import('asciichart');
      const series = curveValues(workload.n);
      return () => asciichart.plot(series, { height: 10 });
    }
    default:
      throw new Error(`workload ${workload.id} has no peer library`);
  }
}
