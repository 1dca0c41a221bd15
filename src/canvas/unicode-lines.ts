/**
 * Unicode box-drawing glyphs by their arms, written up, right, down, left.
 * Each arm is `-` (none), `l` (light), `h` (heavy) or `d` (double). The list
 * holds every line glyph of the Unicode block U+2500..U+257F that joins two or
 * more arms; the dashed, arc, diagonal and half-line glyphs are not part of it.
 * Generated from the Unicode character names, which spell out each glyph's arms.
 */
export const UNICODE_LINE_GLYPHS: ReadonlyArray<readonly [glyph: string, arms: string]> = [
  ['─', '-l-l'], // light horizontal
  ['━', '-h-h'], // heavy horizontal
  ['│', 'l-l-'], // light vertical
  ['┃', 'h-h-'], // heavy vertical
  ['┌', '-ll-'], // light down and right
  ['┍', '-hl-'], // down light and right heavy
  ['┎', '-lh-'], // down heavy and right light
  ['┏', '-hh-'], // heavy down and right
  ['┐', '--ll'], // light down and left
  ['┑', '--lh'], // down light and left heavy
  ['┒', '--hl'], // down heavy and left light
  ['┓', '--hh'], // heavy down and left
  ['└', 'll--'], // light up and right
  ['┕', 'lh--'], // up light and right heavy
  ['┖', 'hl--'], // up heavy and right light
  ['┗', 'hh--'], // heavy up and right
  ['┘', 'l--l'], // light up and left
  ['┙', 'l--h'], // up light and left heavy
  ['┚', 'h--l'], // up heavy and left light
  ['┛', 'h--h'], // heavy up and left
  ['├', 'lll-'], // light vertical and right
  ['┝', 'lhl-'], // vertical light and right heavy
  ['┞', 'hll-'], // up heavy and right down light
  ['┟', 'llh-'], // down heavy and right up light
  ['┠', 'hlh-'], // vertical heavy and right light
  ['┡', 'hhl-'], // down light and right up heavy
  ['┢', 'lhh-'], // up light and right down heavy
  ['┣', 'hhh-'], // heavy vertical and right
  ['┤', 'l-ll'], // light vertical and left
  ['┥', 'l-lh'], // vertical light and left heavy
  ['┦', 'h-ll'], // up heavy and left down light
  ['┧', 'l-hl'], // down heavy and left up light
  ['┨', 'h-hl'], // vertical heavy and left light
  ['┩', 'h-lh'], // down light and left up heavy
  ['┪', 'l-hh'], // up light and left down heavy
  ['┫', 'h-hh'], // heavy vertical and left
  ['┬', '-lll'], // light down and horizontal
  ['┭', '-llh'], // left heavy and right down light
  ['┮', '-hll'], // right heavy and left down light
  ['┯', '-hlh'], // down light and horizontal heavy
  ['┰', '-lhl'], // down heavy and horizontal light
  ['┱', '-lhh'], // right light and left down heavy
  ['┲', '-hhl'], // left light and right down heavy
  ['┳', '-hhh'], // heavy down and horizontal
  ['┴', 'll-l'], // light up and horizontal
  ['┵', 'll-h'], // left heavy and right up light
  ['┶', 'lh-l'], // right heavy and left up light
  ['┷', 'lh-h'], // up light and horizontal heavy
  ['┸', 'hl-l'], // up heavy and horizontal light
  ['┹', 'hl-h'], // right light and left up heavy
  ['┺', 'hh-l'], // left light and right up heavy
  ['┻', 'hh-h'], // heavy up and horizontal
  ['┼', 'llll'], // light vertical and horizontal
  ['┽', 'lllh'], // left heavy and right vertical light
  ['┾', 'lhll'], // right heavy and left vertical light
  ['┿', 'lhlh'], // vertical light and horizontal heavy
  ['╀', 'hlll'], // up heavy and down horizontal light
  ['╁', 'llhl'], // down heavy and up horizontal light
  ['╂', 'hlhl'], // vertical heavy and horizontal light
  ['╃', 'hllh'], // left up heavy and right down light
  ['╄', 'hhll'], // right up heavy and left down light
  ['╅', 'llhh'], // left down heavy and right up light
  ['╆', 'lhhl'], // right down heavy and left up light
  ['╇', 'hhlh'], // down light and up horizontal heavy
  ['╈', 'lhhh'], // up light and down horizontal heavy
  ['╉', 'hlhh'], // right light and left vertical heavy
  ['╊', 'hhhl'], // left light and right vertical heavy
  ['╋', 'hhhh'], // heavy vertical and horizontal
  ['═', '-d-d'], // double horizontal
  ['║', 'd-d-'], // double vertical
  ['╒', '-dl-'], // down single and right double
  ['╓', '-ld-'], // down double and right single
  ['╔', '-dd-'], // double down and right
  ['╕', '--ld'], // down single and left double
  ['╖', '--dl'], // down double and left single
  ['╗', '--dd'], // double down and left
  ['╘', 'ld--'], // up single and right double
  ['╙', 'dl--'], // up double and right single
  ['╚', 'dd--'], // double up and right
  ['╛', 'l--d'], // up single and left double
  ['╜', 'd--l'], // up double and left single
  ['╝', 'd--d'], // double up and left
  ['╞', 'ldl-'], // vertical single and right double
  ['╟', 'dld-'], // vertical double and right single
  ['╠', 'ddd-'], // double vertical and right
  ['╡', 'l-ld'], // vertical single and left double
  ['╢', 'd-dl'], // vertical double and left single
  ['╣', 'd-dd'], // double vertical and left
  ['╤', '-dld'], // down single and horizontal double
  ['╥', '-ldl'], // down double and horizontal single
  ['╦', '-ddd'], // double down and horizontal
  ['╧', 'ld-d'], // up single and horizontal double
  ['╨', 'dl-l'], // up double and horizontal single
  ['╩', 'dd-d'], // double up and horizontal
  ['╪', 'ldld'], // vertical single and horizontal double
  ['╫', 'dldl'], // vertical double and horizontal single
  ['╬', 'dddd'], // double vertical and horizontal
  ['╼', '-h-l'], // light left and heavy right
  ['╽', 'l-h-'], // light up and heavy down
  ['╾', '-l-h'], // heavy left and light right
  ['╿', 'h-l-'], // heavy up and light down
];
