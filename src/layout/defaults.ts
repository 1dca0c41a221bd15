/** Layout defaults, in cells. Each is documented on the model field it fills. */
export const ROW_GAP = 1;
export const CHAINED_ROW_GAP = 4;
export const COLUMN_GAP = 0;
export const CHAINED_COLUMN_GAP = 2;
export const GRID_COLUMN_GAP = 2;
export const GRID_ROW_GAP = 1;
export const FAN_GAP = 3;
export const BAR_WIDTH = 20;
export const BAR_MAX = 100;
export const CURVE_HEIGHT = 3;

/** Rows between a fan's single node and its many: stem, bus, drop, arrowhead. */
export const FAN_LINK_ROWS = 4;

/** Cells a box title needs beside its text: corner, line, space on each side. */
export const TITLE_FRAME = 6;

/** Cells between a rule and its caption on each side. */
export const CAPTION_MARGIN = 1;

/** Width of the percentage after a bar, such as ` 40%` or `100%`. */
export const PERCENT_WIDTH = 4;
