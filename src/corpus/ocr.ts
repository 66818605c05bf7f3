// Scanning confusions in capitalised words: "AIderman Lanyon" is "Alderman Lanyon", "WiIliams"
// is "Williams". A capital I inside a lower-case word is almost always a misread l.

const INNER_I = /(?<=\p{L})I(?=\p{Ll})/gu;

/** The word with each capital I inside a lower-case word read as l ("AIderman" → "Alderman"). */
export function foldScannedI(s: string): string {
  if (s.indexOf('I', 1) < 0) return s;
  return s.replace(INNER_I, (m: string, at: number) =>
    // "McIntyre", "MacInnes", "DiIorio": a capital after a name prefix is a real capital.
    /(?:^|[^\p{L}])(?:Mc|Mac|Di)$/u.test(s.slice(Math.max(0, at - 4), at)) ? m : 'l',
  );
}
