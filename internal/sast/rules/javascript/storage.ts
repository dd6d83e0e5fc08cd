import express from 'express';

interface Session { accessToken: string; theme: string }

export function persist(s: Session): void {
  // ruleid: javascript.dom.token-in-web-storage
  localStorage.setItem('accessToken', s.accessToken);
  // ruleid: javascript.dom.token-in-web-storage
  window.sessionStorage.setItem('auth.jwt', s.accessToken);
  // ok: javascript.dom.token-in-web-storage
  localStorage.setItem('theme', s.theme);
  // ok: javascript.dom.token-in-web-storage
  sessionStorage.setItem('lastVisited', location.pathname);
}

const app = express();
const port = Number(process.env.PORT ?? 3000);
// ruleid: javascript.express.bind-all-interfaces
app.listen(port, '0.0.0.0', () => console.log('up'));
// ok: javascript.express.bind-all-interfaces
app.listen(port, process.env.HOST ?? '127.0.0.1');
// ok: javascript.express.bind-all-interfaces
app.listen(port);

export function fastify(server: { listen: (o: object) => void }): void {
  // ruleid: javascript.express.bind-all-interfaces
  server.listen({ port, host: '0.0.0.0' });
}
