// A small fictional harbour board for the chart tests: four meetings in 2024, six speakers, and
// "dredging" said nine times by six people (so the trend has a top four and two "others").
import type { Speaker } from '../../src/corpus/types.js';
import { makeCorpus } from '../fixtures/search-corpus.js';

const person = (name: string, role: string): Speaker => ({
  name,
  aliases: [name.split(' ').pop() ?? name],
  role,
});

export const BOARD: Speaker[] = [
  person('Mira Solberg', 'Chair of the Harbour Board'),
  person('Idris Kamau', 'Harbour Engineer'),
  person('Lotte Brandt', 'Ferry Operator'),
  person('Paulo Reyes', 'Treasurer'),
  person('Yuki Tanaka', 'Resident of Quay Street'),
  person('Ana Petrov', 'Board Member'),
  person('Bo Lindahl', 'Ministry Liaison'),
];

export function boardCorpus() {
  return makeCorpus(BOARD, [
    {
      file: 'board/2024-01-10.txt',
      title: 'Harbour board, January',
      date: '2024-01-10',
      statements: [
        {
          speaker: 'Mira Solberg',
          text: 'We open with the dredging schedule for the north channel.',
        },
        { speaker: 'Idris Kamau', text: 'Dredging of the north channel starts in March.' },
        { speaker: 'Lotte Brandt', text: 'The ferry timetable stays as it is for the winter.' },
      ],
    },
    {
      file: 'board/2024-02-14.txt',
      title: 'Harbour board, February',
      date: '2024-02-14',
      statements: [
        { speaker: 'Mira Solberg', text: 'The dredging contract went out to tender last week.' },
        { speaker: 'Paulo Reyes', text: 'Dredging costs rose again over the winter months.' },
        {
          speaker: 'Yuki Tanaka',
          text: 'Dredging noise at night worries the residents of our street.',
        },
        { speaker: 'Ana Petrov', text: 'I move that we publish the dredging tender in full.' },
        {
          speaker: 'Bo Lindahl',
          text: 'The dredging permits arrived from the ministry on Friday.',
        },
      ],
    },
    {
      file: 'board/2024-03-20.txt',
      title: 'Harbour board, March',
      date: '2024-03-20',
      statements: [
        { speaker: 'Idris Kamau', text: 'Dredging began on Monday in the north channel.' },
        { speaker: 'Idris Kamau', text: 'The dredging barge works only in daylight hours.' },
        { speaker: 'Mira Solberg', text: 'Thank you, that is reassuring for the residents.' },
      ],
    },
    {
      file: 'board/2024-05-02.txt',
      title: 'Harbour board, May',
      date: '2024-05-02',
      statements: [
        { speaker: 'Lotte Brandt', text: 'The ferry pier needs new fenders before the summer.' },
        { speaker: 'Paulo Reyes', text: 'The fenders are on order and paid for.' },
        { speaker: 'Lotte Brandt', text: 'Then the summer timetable can start in June.' },
        { speaker: 'Lotte Brandt', text: 'We add two crossings on Saturdays.' },
      ],
    },
  ]);
}
