/**
 * Copies the built package to a temporary directory before measuring. Other
 * builds in the same checkout delete and rewrite dist/, so the benchmark reads
 * a copy that stays the same for the whole run.
 */
import { access, copyFile, cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Files next to package.json that `npm pack` includes, copied when they exist. */
const PACKED_ROOT_FILES = ['README.md', 'schema.json'];

/**
 * Copies dist/, the packed root files and package.json, plus a link to
 * node_modules, into a new temporary directory. Then bundles the course
 * diagrams from src/course/ with their builders taken from the copied
 * dist/index.js. Returns the paths and URLs the workers need, and `remove()`
 * to delete the directory.
 */
export async function snapshotPackage(repositoryDir) {
  for (const file of ['index.js', 'cli.cjs', 'cli-main.cjs']) {
    const path = join(repositoryDir, 'dist', file);
    try {
      await access(path);
    } catch {
      throw new Error(`${path} not found; run npm run build first`);
    }
  }

  const directory = await mkdtemp(join(tmpdir(), 'termdiagram-bench-'));
  const remove = () => rm(directory, { recursive: true, force: true });
  try {
    return { ...(await fillSnapshot(repositoryDir, directory)), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

async function fillSnapshot(repositoryDir, directory) {
  const packageDir = join(directory, 'termdiagram');
  const distDir = join(packageDir, 'dist');
  await cp(join(repositoryDir, 'dist'), distDir, { recursive: true });
  await copyFile(join(repositoryDir, 'package.json'), join(packageDir, 'package.json'));
  for (const file of PACKED_ROOT_FILES) {
    await copyFile(join(repositoryDir, file), join(packageDir, file)).catch((error) => {
      if (error.code !== 'ENOENT') {
        throw error;
      }
    });
  }
  // The copied dist/index.js imports its dependencies (string-width and others) by name.
  await symlink(join(repositoryDir, 'node_modules'), join(packageDir, 'node_modules'), 'dir');

  const distIndexPath = join(distDir, 'index.js');
  const courseBundlePath = join(directory, 'course.mjs');
  await bundleCourse(repositoryDir, distIndexPath, courseBundlePath);

  const packageJson = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8'));

  return {
    packageDir,
    version: packageJson.version,
    distIndexPath,
    distIndexUrl: pathToFileURL(distIndexPath).href,
    cliPath: join(distDir, 'cli.cjs'),
    courseBundleUrl: pathToFileURL(courseBundlePath).href,
  };
}

/**
 * Bundles src/course/index.ts with esbuild, because the package exports no
 * course diagrams (only the CLI bundles them). Its imports of `../builders.js`
 * go to the built package, so the models come from the builders users get.
 */
async function bundleCourse(repositoryDir, distIndexPath, outputPath) {
  const builtBuilders = {
    name: 'built-builders',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /\/builders\.js$/ }, () => ({ path: distIndexPath, external: true }));
    },
  };

  const result = await build({
    entryPoints: [join(repositoryDir, 'src', 'course', 'index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [builtBuilders],
  });
  await writeFile(outputPath, result.outputFiles[0].contents);
}
