// The replay player of /insights/replay/<session>: fetches the session's rrweb events (decoded by
// the collector) and plays them with rrweb's own Replayer. Plain JavaScript, served as is.
import { Replayer } from '/insights/assets/rrweb.js';

const root = document.getElementById('player');
const status = document.getElementById('status');
const { session, site } = root.dataset;

function say(text) {
  status.textContent = text;
}

try {
  const response = await fetch(
    `/replays/${encodeURIComponent(session)}/events?site=${encodeURIComponent(site)}`,
  );
  if (!response.ok) throw new Error(`the collector answered ${response.status}`);
  const events = await response.json();
  if (events.length < 2) throw new Error('the recording has fewer than two events');
  const replayer = new Replayer(events, { root, mouseTail: true, UNSAFE_replayCanvas: false });
  const seconds = Math.round((events.at(-1).timestamp - events[0].timestamp) / 1000);
  const play = document.getElementById('play');
  const pause = document.getElementById('pause');
  play.disabled = false;
  pause.disabled = false;
  play.addEventListener('click', () => replayer.play(replayer.getCurrentTime()));
  pause.addEventListener('click', () => replayer.pause());
  replayer.on('finish', () => say(`Finished (${seconds} s, ${events.length} events).`));
  replayer.play();
  say(`Playing ${seconds} s of recording (${events.length} events).`);
  window.vtReplayer = replayer;
} catch (error) {
  say(`This recording cannot be played: ${error.message}`);
}
