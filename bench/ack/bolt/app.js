// The ack benchmark's peer (bench/README.md): the smallest Bolt-JS 5 app that answers a signed /monitor.
// Bolt verifies the signature and timestamp as for Slack; the listener stores nothing and only acks.
// No token check at start (tokenVerificationEnabled: false, so no auth.test call), hence botId/botUserId.
const { App, ExpressReceiver, LogLevel } = require('@slack/bolt');

const signingSecret = process.env.SLACK_SIGNING_SECRET;
const port = Number(process.env.PORT);
if (!signingSecret || !port) {
  console.error('Set SLACK_SIGNING_SECRET and PORT.');
  process.exit(2);
}

const receiver = new ExpressReceiver({ signingSecret, endpoints: '/slack/commands' });
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

(async () => {
  await app.start({ port, host: '127.0.0.1' });
  console.log(`bolt peer listening on 127.0.0.1:${port}`);
})();
