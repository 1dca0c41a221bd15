import type { LineWeight } from '../model.js';

/**
 * A line cell is four arms packed into one byte, two bits each:
 * up in bits 0-1, right in 2-3, down in 4-5, left in 6-7. Drawing a line over
 * a line merges arms by keeping the heavier weight, so a branch that leaves a
 * border turns `─` into `┬` without any special case.
 */
export type Arms = number;

export enum Weight {
  None = 0,
  Light = 1,
  Heavy = 2,
  Double = 3,
}

export enum Side {
  Up = 0,
  Right = 1,
  Down = 2,
  Left = 3,
}

export const SIDES = [Side.Up, Side.Right, Side.Down, Side.Left] as const;

export function weightOf(line: LineWeight): Weight {
  switch (line) {
    case 'light':
      return Weight.Light;
    case 'heavy':
      return Weight.Heavy;
    case 'double':
      return Weight.Double;
  }
}

export function armOf(arms: Arms, side: Side): Weight {
  return (arms >> (side * 2)) & 3;
}

export function withArm(arms: Arms, side: Side, weight: Weight): Arms {
  return (arms & ~(3 << (side * 2))) | (weight << (side * 2));
}

export function opposite(side: Side): Side {
  return ((side + 2) % 4) as Side;
}

/** Merges two arm sets, keeping the heavier weight on each side. Runs for every line cell drawn, so it is unrolled. */
export function mergeArms(a: Arms, b: Arms): Arms {
  return heavier(a, b, 0x03) | heavier(a, b, 0x0c) | heavier(a, b, 0x30) | heavier(a, b, 0xc0);
}

/** Returns the heavier of the two arms under `mask`. Weights compare as numbers within their two bits. */
function heavier(a: Arms, b: Arms, mask: number): number {
  const armA = a & mask;
  const armB = b & mask;

  return armA > armB ? armA : armB;
}

const ARM_LETTERS: Readonly<Record<string, Weight>> = {
  '-': Weight.None,
  l: Weight.Light,
  h: Weight.Heavy,
  d: Weight.Double,
};

/** Parses arms written as four letters, up, right, down, left: `-l-l` is `─`. */
export function parseArms(letters: string): Arms {
  let arms = 0;
  SIDES.forEach((side) => {
    const weight = ARM_LETTERS[letters[side] ?? '-'];
    if (weight === undefined) {
      throw new Error(`invalid arm letter in '${letters}'`);
    }
    arms = withArm(arms, side, weight);
  });

  return arms;
}

export function hasVertical(arms: Arms): boolean {
  return armOf(arms, Side.Up) !== Weight.None || armOf(arms, Side.Down) !== Weight.None;
}

export function hasHorizontal(arms: Arms): boolean {
  return armOf(arms, Side.Left) !== Weight.None || armOf(arms, Side.Right) !== Weight.None;
}

export function armCount(arms: Arms): number {
  return (arms & 0x03 ? 1 : 0) + (arms & 0x0c ? 1 : 0) + (arms & 0x30 ? 1 : 0) + (arms & 0xc0 ? 1 : 0);
}
