// V8 flags for the short-lived programs `npm test` runs (the test processes, and the type-check and
// lint): they run much code for a short while, and V8's optimizing compiler, on threads beside the main
// one, spent a quarter to two fifths of their CPU compiling it, mostly inlining.
// - A smaller inlining budget compiles less for the same speed of the main thread. Test processes
//   (node scripts/run-tests.mjs tests, three runs each, another agent loading the machine): 71.0, 75.6,
//   74.2 s of CPU with V8's defaults, 68.1, 71.4, 66.8 s with it. The check (`node scripts/check.mjs
//   --cold`, four runs each): 42 s of CPU with the defaults (41.4 to 44.6), 36.5 to 39.7 s with it.
// - A function is optimized after 4.4 times more of its bytecode has run than V8's default budget
//   (67,584), so less is compiled that soon stops running. A B alternated, two runs each: the tests 60.8
//   and 62.6 s of user CPU without it, 59.3 and 60.4 s with it, for the same wall time; the check --cold
//   31.5 and 33.2 s without it, 29.2 and 30.2 s with it.
export const compileLessFlags = ['--max-inlined-bytecode-size-cumulative=300', '--interrupt-budget=300000'];
