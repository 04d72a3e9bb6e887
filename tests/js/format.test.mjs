// The page's number and date words (www/format.js), in Node.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { datesInWords, dayName } from '../../www/format.js';
import { INCENTIVE_TEXT } from '../../www/strings.js';

test('dates in the core\'s prose read as words; a date inside a file name or an id stays', () => {
  assert.equal(dayName('2027-08-31'), '31 August 2027');
  assert.equal(dayName('2026-12-05T10:00:00Z'), '5 December 2026');
  assert.equal(
    datesInWords('Not qualified in the window 2026-07-01 to 2026-12-05. 6 month(s) of the window have no data.'),
    'Not qualified in the window 1 July 2026 to 5 December 2026. 6 months of the window have no data.',
  );
  assert.equal(datesInWords('1 month(s) of the window have no data.'), '1 month of the window has no data.');
  assert.equal(datesInWords('expired on 2025-10-10, before the as-of month 2025-11'), 'expired on 10 October 2025, before the as-of month November 2025');
  assert.equal(datesInWords('read from usage-2025-10-01.csv (2025-10)'), 'read from usage-2025-10-01.csv (October 2025)');
  assert.equal(datesInWords('month 2025-13 is no month'), 'month 2025-13 is no month');
  assert.equal(datesInWords(null), null);
});

test('the incentive line gives points to at most one decimal: still to go rounded up, a lower bound rounded down', () => {
  const line = (met) => ({ points: 25, met });
  assert.equal(INCENTIVE_TEXT.state(line(false), 23.8167), 'not met: 1.2 points to go');
  assert.equal(INCENTIVE_TEXT.state(line(false), 24.999), 'not met: 0.1 points to go');
  assert.equal(INCENTIVE_TEXT.state(line(false), 21.5), 'not met: 3.5 points to go');
  assert.equal(INCENTIVE_TEXT.state(line(null), 18.96), 'cannot tell: at least 18.9');
  assert.equal(INCENTIVE_TEXT.state(line(null), 4), 'cannot tell: at least 4');
  assert.equal(INCENTIVE_TEXT.state(line(true), 31), 'met');
});
