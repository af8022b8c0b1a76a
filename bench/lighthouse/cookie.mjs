// ./bsocial bench web: gives the benchmark's Chromium a session cookie through the DevTools
// protocol (Storage.setCookies), as a login would leave it; Lighthouse keeps cookies between runs.
//   node cookie.mjs <lighthouse node_modules> <devtools port> <url> <name> <value>
import { createRequire } from 'node:module';

const [modules, port, url, name, value] = process.argv.slice(2);
const WebSocket = createRequire(modules + '/')('ws'); // Lighthouse's own dependency
const version = await (await fetch(`http://127.0.0.1:${port}/json/version`)).json();
const socket = new WebSocket(version.webSocketDebuggerUrl);
socket.on('open', () => socket.send(JSON.stringify({
  id: 1, method: 'Storage.setCookies',
  params: { cookies: [{ name, value, url, httpOnly: true, sameSite: 'Lax' }] }
})));
socket.on('message', (data) => {
  const answer = JSON.parse(data);
  if (answer.id === 1) {
    if (answer.error) {
      console.error('could not set the cookie: ' + JSON.stringify(answer.error));
      process.exit(1);
    }
    socket.close();
    process.exit(0);
  }
});
