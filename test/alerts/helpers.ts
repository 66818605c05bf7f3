// Fictional harbour-board meetings for the announcement and alert tests: three meetings already
// in the reports, and new ones that arrive later (each with its own topic, so an alert matches
// only where its words are said).
import type { Corpus } from '../../src/corpus/types.js';
import type { MeetingSpec } from '../daily/helpers.js';
import { buildTestCorpus } from '../daily/helpers.js';

export const OLD_MEETINGS: MeetingSpec[] = [
  {
    file: '2031-03-04-harbour-board.txt',
    title: 'Harbour board, March',
    date: '2031-03-04',
    statements: [
      {
        speaker: 'Chair Wilma Ostrander',
        text: 'The ferry timetable for the islands stays as it is until the summer, we agreed that last year.',
      },
      {
        speaker: 'Engineer Paulo Brandt',
        text: 'The north pier needs new timber piles before the storms of next winter arrive.',
      },
    ],
  },
  {
    file: '2031-04-01-harbour-board.txt',
    title: 'Harbour board, April',
    date: '2031-04-01',
    statements: [
      {
        speaker: 'Treasurer Kofi Mensah',
        text: 'Mooring fees rise by two percent, and the fishing cooperative pays the old rate.',
      },
      {
        speaker: 'Chair Wilma Ostrander',
        text: 'We publish the accounts of the harbour every quarter from now on, on the notice board.',
      },
    ],
  },
  {
    file: '2031-05-06-harbour-board.txt',
    title: 'Harbour board, May',
    date: '2031-05-06',
    statements: [
      {
        speaker: 'Engineer Paulo Brandt',
        text: 'Dredging the inner basin starts in June and takes about three weeks of work.',
      },
      {
        speaker: 'Treasurer Kofi Mensah',
        text: 'The dredging contract came in under budget, which leaves money for the slipway.',
      },
    ],
  },
];

/** A new meeting: its number picks the date; `about` is said by the chair, then two others speak. */
export function newMeeting(n: number, about: string): MeetingSpec {
  const day = String(n).padStart(2, '0');
  return {
    file: `2031-06-${day}-harbour-board.txt`,
    title: `Harbour board, June ${n}`,
    date: `2031-06-${day}`,
    source: `https://harbour.example.org/minutes/2031-06-${day}`,
    statements: [
      { speaker: 'Chair Wilma Ostrander', text: about },
      {
        speaker: 'Harbourmaster Ida Sorensen',
        text: `Berth ${n} was repainted and the lights along the breakwater all work again now.`,
      },
      {
        speaker: 'Engineer Paulo Brandt',
        text: `The crane on quay ${n} passed its inspection and can lift containers again next week.`,
      },
    ],
  };
}

export const FERRY_NEWS =
  'The winter ferry timetable adds a second morning crossing to the outer islands.';
export const LIGHTHOUSE_NEWS =
  'The old lighthouse opens to visitors on Sundays, with a guide from the museum.';

export function corpusOf(specs: MeetingSpec[]): Corpus {
  return buildTestCorpus(specs);
}
