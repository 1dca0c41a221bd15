/**
 * The last line of dist/cli-main.cjs: this prefix and the first
 * `BUILD_STAMP_LENGTH` hex digits of a SHA-256 hash of the rest of the file.
 * The build writes it and the launcher reads it to name its code cache.
 */
export const BUILD_STAMP_PREFIX = '\n//# termdiagram-build ';

export const BUILD_STAMP_LENGTH = 16;
