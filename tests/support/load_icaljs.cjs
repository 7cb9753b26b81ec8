// ical.js (npm) for the scripts beside this one, or exit status 3 when it
// cannot be loaded: the tests read that as "the oracle is absent" and skip
// (see tests/common/oracle.rs).
'use strict';
try {
  module.exports = require('ical.js');
} catch (e) {
  console.error(`ical.js not loadable: ${e.message}`);
  process.exit(3);
}
