// Integration tests that start Kinerja as a real process (the embedded start, kill-and-restart
// tests) run the compiled dist/. Build it once per test run, before any test file starts.
const { execFileSync } = require('node:child_process');

module.exports = async function globalSetup(globalConfig) {
  const selected = globalConfig.selectProjects ?? [];
  if (selected.length > 0 && !selected.includes('integration')) return;
  const started = Date.now();
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: __dirname + '/../..', stdio: 'inherit' });
  process.stdout.write(`\n[global-setup] built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
};
