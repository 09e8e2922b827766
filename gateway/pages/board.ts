import './pages.css';
import { byId, centreCode, el, percent } from './common';

/**
 * Bảng thông tin: the numbers each counter serves, who waits, and the day's figures, pushed by the
 * gateway (server-sent events) whenever they change; no reload. When the connection drops the
 * last figures stay, marked, and the browser reconnects by itself.
 */

interface Board {
  centre: { name: string } | null;
  date: string;
  dossiers: { received: number; resolved: number; resolvedEarly: number; resolvedOnTime: number; resolvedLate: number };
  satisfaction: { satisfactionRate: number | null };
  queue: {
    nowServing: { number: number; counter: { number: number } | null; field: { name: string } }[];
    waiting: { field: { name: string }; waiting: number }[];
  };
}

function show(board: Board) {
  if (board.centre) byId('centre-name').textContent = board.centre.name;
  byId('day').textContent = `Kết quả trong ngày ${board.date.split('-').reverse().join('/')}`;
  byId('serving').replaceChildren(
    ...[...board.queue.nowServing]
      .sort((a, b) => (a.counter?.number ?? 0) - (b.counter?.number ?? 0))
      .map((ticket) => {
        const row = el('tr');
        row.append(el('td', `Quầy ${ticket.counter?.number ?? '—'}`), el('td', ticket.number, 'serving'), el('td', ticket.field.name));
        return row;
      }),
  );
  byId('waiting').replaceChildren(...board.queue.waiting.map((row) => el('div', `${row.field.name}: ${row.waiting} người`)));
  const { received, resolved, resolvedEarly, resolvedOnTime, resolvedLate } = board.dossiers;
  byId('received').textContent = String(received);
  byId('resolved').textContent = String(resolved);
  byId('on-time').textContent = String(resolvedEarly + resolvedOnTime);
  byId('late').textContent = String(resolvedLate);
  byId('satisfaction').textContent = percent(board.satisfaction.satisfactionRate);
}

const status = byId('status');
const events = new EventSource(`/board/events?centre=${encodeURIComponent(centreCode())}`);
events.addEventListener('message', (event: MessageEvent<string>) => {
  show(JSON.parse(event.data) as Board);
  status.textContent = 'Trực tuyến';
  status.classList.remove('offline');
});
events.addEventListener('error', () => {
  status.textContent = 'Mất kết nối — đang thử lại…';
  status.classList.add('offline');
});
