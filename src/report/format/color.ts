/** Terminal colors for the readable formatter: applied only when asked (a terminal, no NO_COLOR). */
import { styleText } from 'node:util';

export type Paint = (format: Parameters<typeof styleText>[0], text: string) => string;

export function painter(color: boolean): Paint {
  return color ? (format, text) => styleText(format, text, { validateStream: false }) : (_format, text) => text;
}

/** Whether a stream should get colors: a terminal that has them, NO_COLOR not set. */
export function wantsColor(stream: NodeJS.WriteStream): boolean {
  // FORCE_COLOR asks for colors without a terminal: `npm run build` holds a check's output back, then prints it to one.
  const forced = process.env.FORCE_COLOR;
  if (forced !== undefined && forced !== '' && forced !== '0') return !process.env.NO_COLOR;
  // hasColors() is on terminal streams only; it honours NO_COLOR, FORCE_COLOR and TERM.
  return Boolean(stream.isTTY) && typeof stream.hasColors === 'function' && stream.hasColors();
}
