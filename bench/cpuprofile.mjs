/**
 * Reads a V8 .cpuprofile (as written by `node --cpu-prof`) and lists the
 * functions with the most self time, mapped back to their src/ definitions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Sums self time per function from the profile's samples. Each sample's time
 * is the delta to the next sample, the convention Chrome DevTools uses.
 * Returns `{ totalMs, functions }`, with functions sorted by self time.
 */
export function summarizeSelfTime(profile) {
  const nodesById = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicroseconds = new Map();

  for (let i = 0; i < profile.samples.length; i += 1) {
    const delta = profile.timeDeltas[i + 1] ?? 0;
    selfMicroseconds.set(profile.samples[i], (selfMicroseconds.get(profile.samples[i]) ?? 0) + delta);
  }

  const byFunction = new Map();
  let totalMicroseconds = 0;
  for (const [id, microseconds] of selfMicroseconds) {
    const { functionName, url, lineNumber } = nodesById.get(id).callFrame;
    // V8 numbers lines from 0.
    const key = `${functionName}\u0000${url}\u0000${lineNumber}`;
    const entry = byFunction.get(key) ?? { name: functionName || '(anonymous)', url, line: lineNumber + 1, selfMs: 0 };
    entry.selfMs += microseconds / 1000;
    byFunction.set(key, entry);
    totalMicroseconds += microseconds;
  }

  const functions = [...byFunction.values()].sort((a, b) => b.selfMs - a.selfMs);

  return { totalMs: totalMicroseconds / 1000, functions };
}

/** Lists every .ts file under `directory`, recursively. */
function listTypeScriptFiles(directory) {
  const files = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      files.push(...listTypeScriptFiles(path));
    } else if (entry.name.endsWith('.ts')) {
      files.push(path);
    }
  }

  return files;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Returns a function that lists where a function named in the bundle is
 * defined in src/, as `src/path.ts:line` entries, empty when none matches.
 * esbuild keeps names but appends a digit to resolve clashes (`measure2`), so
 * a name with a trailing number is also looked up without it. A name defined
 * in several files gives every match, unless the bundle's class narrows it.
 */
export function createSourceLocator(repositoryDir) {
  const sources = listTypeScriptFiles(join(repositoryDir, 'src')).map((path) => ({
    path: relative(repositoryDir, path),
    lines: readFileSync(path, 'utf8').split('\n'),
  }));

  const find = (name) => {
    const escaped = escapeRegExp(name);
    const patterns = [
      new RegExp(`\\bfunction\\*?\\s+${escaped}\\s*[<(]`),
      // A method header ends its line with the body's `{` or, when its parameters wrap, with `(`.
      new RegExp(`^\\s*(?:(?:export|public|private|protected|static|readonly|async|get|set|override)\\s+)*${escaped}\\s*[<(].*[{(]\\s*$`),
      new RegExp(`\\b(?:const|let)\\s+${escaped}\\s*=\\s*(?:async\\s*)?(?:function\\b|\\(|[\\w$]+\\s*=>)`),
      new RegExp(`\\bclass\\s+${escaped}\\b`),
    ];
    const matches = [];
    for (const { path, lines } of sources) {
      lines.forEach((line, index) => {
        if (patterns.some((pattern) => pattern.test(line)) && !/^\s*(?:if|for|while|switch|return)\b/.test(line)) {
          matches.push(`${path}:${index + 1}`);
        }
      });
    }

    return matches;
  };

  const definesClass = (path, className) =>
    sources.some((source) => source.path === path && source.lines.some((line) => new RegExp(`\\bclass\\s+${className}\\b`).test(line)));

  // `className` is the class around the function in the bundle, or null. It
  // picks the right file when several files define a method of the same name.
  return (name, className = null) => {
    if (name.startsWith('(')) {
      return [];
    }

    const withoutSuffix = name.replace(/\d+$/, '');
    let matches = find(name);
    if (matches.length === 0 && withoutSuffix !== name) {
      matches = find(withoutSuffix);
    }

    const inClass = className === null ? [] : matches.filter((match) => definesClass(match.split(':')[0], className));

    return inClass.length > 0 ? inClass : matches;
  };
}

/**
 * Returns the name of the class whose body contains the 1-based `line` of an
 * esbuild bundle, or null. esbuild writes each top-level class as
 * `var Name = class {` and indents its body, so the nearest line above that
 * starts in column 0 is either that header or outside every class.
 */
export function findEnclosingClass(bundleLines, line) {
  for (let index = line - 2; index >= 0; index -= 1) {
    const text = bundleLines[index];
    if (/^\S/.test(text)) {
      const header = /^(?:var|let|const)\s+([\w$]+)\s*=\s*class\b|^class\s+([\w$]+)/.exec(text);

      return header === null ? null : (header[1] ?? header[2]).replace(/\d+$/, '');
    }
  }

  return null;
}

/**
 * Returns the name of the named function or method around the 1-based `line`
 * of a bundle, or null. It walks up to each less indented line and returns
 * the first one that opens a function, which relies on esbuild's two-space
 * indentation.
 */
export function findEnclosingFunction(bundleLines, line) {
  const indentOf = (text) => /^ */.exec(text)[0].length;
  let indent = indentOf(bundleLines[line - 1] ?? '');

  for (let index = line - 2; index >= 0 && indent > 0; index -= 1) {
    const text = bundleLines[index];
    if (text.trim() === '' || indentOf(text) >= indent) {
      continue;
    }

    indent = indentOf(text);
    const header = /^\s*(?:async\s+)?function\s*\*?\s*([\w$]+)\s*\(|^\s*(?:(?:static|async|get|set)\s+)*([\w$]+)\s*\(.*\)\s*\{\s*$/.exec(text);
    if (header !== null && !/^\s*(?:if|for|while|switch|catch)\b/.test(text)) {
      return header[1] ?? header[2];
    }
  }

  return null;
}
