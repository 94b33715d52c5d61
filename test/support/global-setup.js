// Integration tests that start Kinerja as a real process (the embedded start, kill-and-restart
// tests) run the compiled dist/. Build it once per test run, before any test file starts.
const { execFileSync } = require('node:child_process');

function selectedProjects(argv) {
  const at = argv.indexOf('--selectProjects');
  if (at === -1) return [];
  const names = [];
  for (const arg of argv.slice(at + 1)) {
    if (arg.startsWith('-')) break;
    names.push(arg);
  }
  return names;
}

module.exports = async function globalSetup() {
  // Names this run, so that the teardown deletes the Redis keys of this run's prefixes only.
  process.env.KINERJA_TEST_RUN_ID = `${process.pid}-${Date.now()}`;
  const selected = selectedProjects(process.argv);
  if (selected.length > 0 && !selected.includes('integration')) return;
  const started = Date.now();
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: __dirname + '/../..', stdio: 'inherit' });
  process.stdout.write(`\n[global-setup] built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
};
