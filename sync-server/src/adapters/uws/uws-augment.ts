// The bundled typings (docs/index.d.ts) lag behind the native module of v20.30: they lack the
// four-argument listen (host, port, options, callback) and App.close(), which both exist and are
// exercised by UwsHttpServer.test.ts.
import type { RecognizedString, us_listen_socket } from 'uWebSockets.js';

declare module 'uWebSockets.js' {
  interface TemplatedApp {
    listen(
      host: RecognizedString,
      port: number,
      options: number,
      cb: (listenSocket: us_listen_socket | false) => void,
    ): TemplatedApp;
    /** Closes the listen sockets and every open connection. */
    close(): TemplatedApp;
  }
}
