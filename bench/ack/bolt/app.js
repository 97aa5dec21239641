// The ack benchmark's peer (bench/README.md): the smallest Bolt-JS 5 app that answers the three kinds of signed
// request the benchmark sends, on the same paths as our server: a /monitor slash command, an app_mention event
// and a click on a Pause button. Bolt verifies the signature and timestamp as for Slack; the listeners store
// nothing and only ack (Bolt acks an event itself, before its listener runs).
// No token check at start (tokenVerificationEnabled: false, so no auth.test call), hence botId/botUserId.
const { App, ExpressReceiver, LogLevel } = require('@slack/bolt');

const signingSecret = process.env.SLACK_SIGNING_SECRET;
const port = Number(process.env.PORT);
if (!signingSecret || !port) {
  console.error('Set SLACK_SIGNING_SECRET and PORT.');
  process.exit(2);
}

const receiver = new ExpressReceiver({
  signingSecret,
  endpoints: { commands: '/slack/commands', events: '/slack/events', interactions: '/slack/interactions' },
});
const app = new App({
  receiver,
  token: 'xoxb-bench',
  tokenVerificationEnabled: false,
  botId: 'B0BENCH',
  botUserId: 'U0BENCH',
  logLevel: LogLevel.ERROR,
});

app.command('/monitor', async ({ ack }) => {
  await ack();
});

app.event('app_mention', async () => {});

app.action('monitor.pause', async ({ ack }) => {
  await ack();
});

(async () => {
  await app.start({ port, host: '127.0.0.1' });
  console.log(`bolt peer listening on 127.0.0.1:${port}`);
})();
